import type { Lang, LocalizedText } from '@lco/core/i18n';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/useLang.ts';

function FallbackMark({ lang }: { lang: string }) {
  const { t } = useTranslation();
  return (
    <span className="fallback-mark" title={t('common.notTranslated')}>
      <span aria-hidden="true">{lang.toUpperCase()}</span>
      <span className="visually-hidden">{t('common.notTranslated')}</span>
    </span>
  );
}

/**
 * A catalogue text as served. When it is in another language than the interface (the English
 * fallback), it says so: `lang` for screen readers and hyphenation, and a visible "EN" marker.
 */
export function LText({ value }: { value: LocalizedText }) {
  const ui = useLang();
  if (value.lang === ui) return <>{value.text}</>;
  return (
    <>
      <span lang={value.lang}>{value.text}</span> <FallbackMark lang={value.lang} />
    </>
  );
}

/** A plain string from an English source (notes, award titles): marked like a fallback outside English. */
export function EnglishText({ text }: { text: string }) {
  return <LText value={{ text, lang: 'en' satisfies Lang }} />;
}

/** A longer catalogue text whose paragraphs are separated by blank lines. */
export function LParagraphs({ value, className }: { value: LocalizedText; className?: string }) {
  const paragraphs = value.text
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((text) => (
        <p key={text} className={className}>
          <LText value={{ text, lang: value.lang }} />
        </p>
      ))}
    </>
  );
}
