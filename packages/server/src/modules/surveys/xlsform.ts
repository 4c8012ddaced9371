import type { Choice, Condition, Instrument, Lang, Question } from '@lco/core';
import { SURVEY_TRANSLATION_NOTICES } from '@lco/core';
import type ExcelJS from 'exceljs';

/** XLSForm's language suffix of a label column: the language's English name and its code, as Kobo writes it. */
export const XLSFORM_LANGUAGES: Readonly<Record<Lang, string>> = {
  en: 'English (en)',
  fr: 'French (fr)',
  es: 'Spanish (es)',
  ar: 'Arabic (ar)',
  zh: 'Chinese (zh)',
  ru: 'Russian (ru)',
};

export interface XlsformSheets {
  survey: string[][];
  choices: string[][];
  settings: string[][];
}

function labels(texts: Choice['texts'], languages: readonly Lang[]): string[] {
  // A missing translation falls back to English visibly: ODK shows the English text rather than a blank.
  return languages.map((lang) => texts[lang]?.trim() || texts.en);
}

function relevance(condition: Condition | undefined): string {
  if (!condition) return '';
  return condition.anyOf.map((code) => `\${${condition.question}} = '${code}'`).join(' or ');
}

function typeOf(question: Question): string {
  if (question.type === 'single') return `select_one ${question.id}`;
  return question.integer ? 'integer' : 'decimal';
}

/**
 * An instrument as the three sheets of an XLSForm (for KoboToolbox and ODK Collect): `survey` with a label
 * column per language (`label::English (en)` …), `required`, `relevant` and range constraints; `choices` with
 * one list per choice question, named after it; `settings` with the form's id, version and default language.
 * Question names and choice names are the instrument's ids and codes, so a Kobo or ODK export comes back as is.
 * @example xlsformSheets(instrument, ['en', 'fr'], 'Residents 2025', 'lco_citizen_Ab3dE5gH7j').survey[0]
 * // ['type', 'name', 'label::English (en)', 'label::French (fr)', 'required', 'relevant', 'constraint', 'constraint_message::English (en)', 'constraint_message::French (fr)']
 */
export function xlsformSheets(
  instrument: Instrument,
  languages: readonly Lang[],
  title: string,
  formId: string,
): XlsformSheets {
  const langs = languages.length > 0 ? languages : (['en'] as const);
  const labelHeaders = langs.map((l) => `label::${XLSFORM_LANGUAGES[l]}`);
  const messageHeaders = langs.map((l) => `constraint_message::${XLSFORM_LANGUAGES[l]}`);
  const survey: string[][] = [
    ['type', 'name', ...labelHeaders, 'required', 'relevant', 'constraint', ...messageHeaders],
  ];
  const choices: string[][] = [['list_name', 'name', ...labelHeaders]];
  // Every form starts with a note that the translations are unofficial.
  survey.push([
    'note',
    'translation_notice',
    ...langs.map((l) => SURVEY_TRANSLATION_NOTICES[l]),
    '',
    '',
    '',
    ...langs.map(() => ''),
  ]);
  for (const question of instrument.questions) {
    const constraint = question.type === 'number' ? `. >= ${question.min} and . <= ${question.max}` : '';
    const message =
      question.type === 'number' ? langs.map(() => `${question.min}–${question.max}`) : langs.map(() => '');
    survey.push([
      typeOf(question),
      question.id,
      ...labels(question.texts, langs),
      question.required ? 'yes' : '',
      relevance(question.relevant),
      constraint,
      ...message,
    ]);
    if (question.type === 'single') {
      for (const choice of question.choices) choices.push([question.id, choice.code, ...labels(choice.texts, langs)]);
    }
  }
  const settings = [
    ['form_title', 'form_id', 'version', 'default_language'],
    [title, formId, String(instrument.version), XLSFORM_LANGUAGES[langs[0] ?? 'en']],
  ];
  return { survey, choices, settings };
}

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** The XLSForm as an .xlsx workbook. */
export async function writeXlsform(sheets: XlsformSheets): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  for (const name of ['survey', 'choices', 'settings'] as const) {
    const sheet = workbook.addWorksheet(name);
    for (const row of sheets[name]) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sheets of an .xlsx workbook as text grids (for reading an XLSForm back). */
export async function readWorkbook(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    out[sheet.name] = rows;
  });
  return out;
}
