import type { ExpertProvenance } from '@lco/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { useLevelName, useRuleName } from './common.tsx';

/**
 * Where an expert-consolidated figure comes from: the round, the consolidation rule, how many reviewers, and
 * their agreement ("not computable" when alpha is not).
 */
export function ExpertProvenanceNote({ detail }: { detail: ExpertProvenance }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ruleName = useRuleName();
  const levelName = useLevelName();
  const alpha = new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return (
    <span className="expert-provenance">
      {t('review.provenance.text', {
        round: detail.roundName,
        rule: ruleName(detail.rule),
        n: new Intl.NumberFormat(lang).format(detail.reviewers),
      })}{' '}
      {detail.alpha === null
        ? t('review.provenance.noAlpha')
        : t('review.provenance.alpha', { alpha: alpha.format(detail.alpha), level: levelName(detail.alphaLevel) })}
    </span>
  );
}
