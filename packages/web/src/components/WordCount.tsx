import { Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/useLang.ts';

/**
 * "120 of 500 words", in the interface language, as the description of a text field (count words with
 * `countWords` of `@lco/core/words`, as the server does); over the limit it says so. Needs the review messages.
 */
export function WordCount({ words, limit, id }: { words: number; limit: number; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const over = words > limit;
  return (
    <Text slot="description" id={id} className={over ? 'word-count word-count--over' : 'word-count'}>
      {over ? <span aria-hidden="true">⚠ </span> : null}
      {t('review.narrative.words', { n: number.format(words), limit: number.format(limit) })}
      {over ? ` ${t('review.narrative.overLimit', { n: number.format(words - limit) })}` : null}
    </Text>
  );
}
