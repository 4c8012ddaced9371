import {
  type AnswerIssue,
  type Answers,
  type Instrument,
  isRelevant,
  type Lang,
  type Question,
  questionText,
  RTL_LANGUAGES,
  SURVEY_TRANSLATION_NOTICES,
} from '@lco/core';
import { LANGUAGE_NAMES, PAGE_TEXTS } from './response.texts.ts';

/*
 * The public response page: plain HTML forms, one small stylesheet from our own origin, no script, so it
 * works on a cheap phone with JavaScript off and stays far below 30 KB a page.
 */

/** The stylesheet every response page links (served from our own origin: the CSP allows nothing else). */
export const RESPONSE_CSS = `*{box-sizing:border-box}
body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
main{max-inline-size:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0}
nav.langs{font-size:.9rem;margin-block-end:.5rem}
nav.langs a,nav.langs strong{margin-inline-end:.75rem}
fieldset,.number{border:1px solid #c8c8c8;border-radius:.4rem;padding:.75rem;margin:0 0 1rem}
legend,.number>label{font-weight:600;padding:0 .25rem}
fieldset label{display:block;padding:.45rem 0;min-block-size:2.75rem}
input[type=radio]{inline-size:1.25rem;block-size:1.25rem;vertical-align:middle;margin-inline-end:.5rem}
input[type=number]{display:block;font:inherit;padding:.5rem;inline-size:10rem;margin-block-start:.5rem}
button{font:inherit;padding:.7rem 1.4rem;border-radius:.4rem;border:2px solid #0b5394;background:#0b5394;color:#fff;min-block-size:2.75rem}
button.secondary{background:#fff;color:#0b5394;margin-inline-end:.75rem}
.error{color:#b00020;font-weight:600;margin:.25rem 0}
.summary{border:2px solid #b00020;padding:.5rem .75rem;border-radius:.4rem}
.note,.req{color:#555;font-size:.9rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-block:1rem}
@media print{nav,.actions{display:none}}
`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A text in the page's language, or its English fallback marked as English for screen readers. */
function text(texts: Question['texts'], lang: Lang): string {
  const localized = questionText({ texts }, lang);
  return localized.lang === lang ? escapeHtml(localized.text) : `<span lang="en">${escapeHtml(localized.text)}</span>`;
}

export interface PageFrame {
  lang: Lang;
  title: string;
  /** Language links: the page itself (relative, so nothing of the address is in the page), in each offered language. */
  languages: readonly Lang[];
}

export function layout(frame: PageFrame, body: string): string {
  const { lang } = frame;
  const dir = RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
  const links =
    frame.languages.length > 1
      ? `<nav class="langs" aria-label="${escapeHtml(PAGE_TEXTS[lang].language)}">${frame.languages
          .map((l) =>
            l === lang
              ? `<strong lang="${l}">${LANGUAGE_NAMES[l]}</strong>`
              : `<a lang="${l}" hreflang="${l}" href="?lang=${l}">${LANGUAGE_NAMES[l]}</a>`,
          )
          .join('')}</nav>`
      : '';
  const notice = lang === 'en' ? '' : `<p class="note">${escapeHtml(SURVEY_TRANSLATION_NOTICES[lang])}</p>`;
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escapeHtml(frame.title)}</title><link rel="stylesheet" href="/s/survey.css"></head>
<body><main>${links}${body}${notice}</main></body></html>`;
}

/** A page with one message (closed, thanks, not found, too many): nothing to fill in. */
export function messagePage(frame: PageFrame, heading: string, message: string): string {
  return layout(frame, `<h1>${escapeHtml(heading)}</h1><p role="status">${escapeHtml(message)}</p>`);
}

export function introPage(frame: PageFrame, kindTitle: string, cityName: string, startAction: string): string {
  const t = PAGE_TEXTS[frame.lang];
  return layout(
    frame,
    `<h1>${escapeHtml(`${cityName}: ${kindTitle}`)}</h1><p>${escapeHtml(t.intro(cityName))}</p><p>${escapeHtml(t.anonymous)}</p>
<form method="post" action="${escapeHtml(startAction)}"><input type="hidden" name="lang" value="${frame.lang}">
<div class="actions"><button type="submit">${escapeHtml(t.start)}</button></div></form>`,
  );
}

function issueText(issue: AnswerIssue, question: Question | undefined, lang: Lang): string {
  const errors = PAGE_TEXTS[lang].errors;
  if (issue.code === 'out-of-range' && question?.type === 'number')
    return errors['out-of-range'](question.min, question.max);
  const message = errors[issue.code];
  return typeof message === 'string' ? message : errors.required;
}

function questionHtml(question: Question, lang: Lang, value: string, issue: AnswerIssue | undefined): string {
  const t = PAGE_TEXTS[lang];
  const id = `q-${question.id}`;
  const required = question.required ? ` <span class="req">(${escapeHtml(t.required)})</span>` : '';
  const error = issue ? `<p class="error" id="${id}-error">${escapeHtml(issueText(issue, question, lang))}</p>` : '';
  const described = issue ? ` aria-describedby="${id}-error"` : '';
  if (question.type === 'single') {
    const options = question.choices
      .map(
        (c) =>
          `<label><input type="radio" name="${question.id}" value="${escapeHtml(c.code)}"${c.code === value ? ' checked' : ''}${question.required ? ' required' : ''}>${text(c.texts, lang)}</label>`,
      )
      .join('');
    return `<fieldset id="${id}"${described}><legend>${text(question.texts, lang)}${required}</legend>${error}${options}</fieldset>`;
  }
  const step = question.integer ? '1' : 'any';
  return `<div class="number"><label for="${id}">${text(question.texts, lang)}${required}</label>${error}<input id="${id}" type="number" name="${question.id}" inputmode="${question.integer ? 'numeric' : 'decimal'}" min="${question.min}" max="${question.max}" step="${step}" value="${escapeHtml(value)}"${described}></div>`;
}

export interface FormPage {
  instrument: Instrument;
  /** 1-based. */
  page: number;
  answers: Answers;
  /** What the respondent typed, shown back when a page is refused. */
  raw?: Readonly<Record<string, string | undefined>>;
  issues?: readonly AnswerIssue[];
  kindTitle: string;
  cityName: string;
}

/** The questions a page shows: those relevant given the answers so far. */
function shownQuestions(page: FormPage): Question[] {
  const ids = page.instrument.pages[page.page - 1] ?? [];
  return ids
    .map((id) => page.instrument.questions.find((q) => q.id === id))
    .filter((q): q is Question => q !== undefined && isRelevant(q.relevant, page.answers));
}

/**
 * A key for a page that shows nothing of its respondent (no answer in its fields, nothing typed shown back),
 * which is then the same page for everyone of the wave who reaches it in this language with the same questions
 * shown; undefined for any other page.
 */
export function sharedPageKey(frame: PageFrame, page: FormPage): string | undefined {
  if (page.raw || page.issues?.length) return undefined;
  const shown = shownQuestions(page);
  if (shown.some((q) => page.answers[q.id] !== undefined && page.answers[q.id] !== null)) return undefined;
  return `page ${page.page} ${frame.lang} ${shown.map((q) => q.id).join(' ')}`;
}

/**
 * One page of questions (those relevant given the answers so far), with its saved or typed answers. The form
 * has no action, so it posts to the page's own address, which is then not in the page.
 */
export function formPage(frame: PageFrame, page: FormPage): string {
  const t = PAGE_TEXTS[frame.lang];
  const total = page.instrument.pages.length;
  const issues = new Map((page.issues ?? []).map((i) => [i.question, i]));
  const fields = shownQuestions(page)
    .map((q) => {
      const saved = page.answers[q.id];
      const value = page.raw?.[q.id] ?? (saved === null || saved === undefined ? '' : String(saved));
      return questionHtml(q, frame.lang, value, issues.get(q.id));
    })
    .join('\n');
  const summary = issues.size > 0 ? `<p class="summary error" role="alert">${escapeHtml(t.errorSummary)}</p>` : '';
  const back =
    page.page > 1
      ? `<button class="secondary" type="submit" name="go" value="back" formnovalidate>${escapeHtml(t.back)}</button>`
      : '';
  const forward = page.page < total ? t.next : t.submit;
  return layout(
    frame,
    `<h1>${escapeHtml(`${page.cityName}: ${page.kindTitle}`)}</h1><p class="note">${escapeHtml(t.pageOf(page.page, total))}</p>${summary}
<form method="post" novalidate><input type="hidden" name="lang" value="${frame.lang}">
${fields}
<div class="actions">${back}<button type="submit" name="go" value="next">${escapeHtml(forward)}</button></div></form>
<p class="note">${escapeHtml(t.saved)}</p>`,
  );
}
