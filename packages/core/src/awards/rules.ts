/**
 * The UNESCO Learning City Award's rules as data (issue #9): what a cycle may set, the 2015 rules of the
 * Conference report (Appendix 3) and current practice, and the pure checks of eligibility and quotas that the
 * server applies and the web app shows. No I/O, no clock: dates are passed in.
 */
import type { Lang } from '../i18n/languages.ts';
import type { AwardCriterionId, AwardRules } from '../schemas/awards.ts';
import type { RegionCode } from '../schemas/network.ts';

export interface AwardCriterion {
  id: AwardCriterionId;
  /** 'building-block': one of the six of the 2015 rules; 'later': added in later cycles. */
  group: 'building-block' | 'later';
  title: Record<Lang, string>;
}

/**
 * Every criterion a cycle may score against: the six major building blocks the 2015 Award asked recipients to
 * show progress in (Conference report, Appendix 3), then the criteria of later cycles.
 * @example AWARD_CRITERIA.filter((c) => c.group === 'building-block').length // 6
 */
export const AWARD_CRITERIA: readonly AwardCriterion[] = [
  {
    id: 'inclusive-learning',
    group: 'building-block',
    title: {
      en: 'Promoting inclusive learning from basic to higher education',
      fr: "Promouvoir l'apprentissage inclusif de l'éducation de base à l'enseignement supérieur",
      es: 'Promover el aprendizaje inclusivo desde la educación básica hasta la superior',
      ar: 'تعزيز التعلّم الشامل من التعليم الأساسي إلى التعليم العالي',
      zh: '促进从基础教育到高等教育的全纳学习',
      ru: 'Содействие инклюзивному обучению от базового до высшего образования',
    },
  },
  {
    id: 'families-and-communities',
    group: 'building-block',
    title: {
      en: 'Revitalizing learning in families and communities',
      fr: "Revitaliser l'apprentissage au sein des familles et des communautés",
      es: 'Revitalizar el aprendizaje en las familias y las comunidades',
      ar: 'إحياء التعلّم في الأسر والمجتمعات المحلية',
      zh: '振兴家庭和社区学习',
      ru: 'Возрождение обучения в семьях и местных сообществах',
    },
  },
  {
    id: 'workplace-learning',
    group: 'building-block',
    title: {
      en: 'Facilitating effective learning for and in the workplace',
      fr: 'Faciliter un apprentissage efficace pour le travail et sur le lieu de travail',
      es: 'Facilitar el aprendizaje eficaz para el trabajo y en el lugar de trabajo',
      ar: 'تيسير التعلّم الفعّال من أجل العمل وفي مكان العمل',
      zh: '促进为了工作和在工作场所的有效学习',
      ru: 'Содействие эффективному обучению для работы и на рабочем месте',
    },
  },
  {
    id: 'learning-technologies',
    group: 'building-block',
    title: {
      en: 'Extending the use of modern learning technologies',
      fr: "Étendre l'usage des technologies modernes d'apprentissage",
      es: 'Ampliar el uso de las tecnologías modernas de aprendizaje',
      ar: 'توسيع استخدام تكنولوجيات التعلّم الحديثة',
      zh: '扩大现代学习技术的使用',
      ru: 'Расширение использования современных технологий обучения',
    },
  },
  {
    id: 'quality-in-learning',
    group: 'building-block',
    title: {
      en: 'Enhancing quality and excellence in learning',
      fr: "Améliorer la qualité et l'excellence de l'apprentissage",
      es: 'Mejorar la calidad y la excelencia en el aprendizaje',
      ar: 'تعزيز الجودة والتميّز في التعلّم',
      zh: '提高学习质量，追求卓越',
      ru: 'Повышение качества и совершенства обучения',
    },
  },
  {
    id: 'culture-of-learning',
    group: 'building-block',
    title: {
      en: 'Fostering a culture of learning throughout life',
      fr: "Favoriser une culture de l'apprentissage tout au long de la vie",
      es: 'Fomentar una cultura de aprendizaje a lo largo de toda la vida',
      ar: 'ترسيخ ثقافة التعلّم مدى الحياة',
      zh: '培育终身学习文化',
      ru: 'Формирование культуры обучения на протяжении всей жизни',
    },
  },
  {
    id: 'plan-progress',
    group: 'later',
    title: {
      en: 'Progress in implementing the learning city plan',
      fr: 'Progrès dans la mise en œuvre du plan de ville apprenante',
      es: 'Avances en la aplicación del plan de ciudad del aprendizaje',
      ar: 'التقدّم في تنفيذ خطة مدينة التعلّم',
      zh: '学习型城市计划的实施进展',
      ru: 'Прогресс в реализации плана обучающегося города',
    },
  },
  {
    id: 'coordination-partnerships',
    group: 'later',
    title: {
      en: 'Stakeholder coordination and partnerships',
      fr: 'Coordination des parties prenantes et partenariats',
      es: 'Coordinación de las partes interesadas y alianzas',
      ar: 'التنسيق بين الجهات المعنية والشراكات',
      zh: '利益相关方协调与伙伴关系',
      ru: 'Координация заинтересованных сторон и партнёрства',
    },
  },
  {
    id: 'resources',
    group: 'later',
    title: {
      en: 'Resources mobilized',
      fr: 'Ressources mobilisées',
      es: 'Recursos movilizados',
      ar: 'الموارد المعبّأة',
      zh: '调动的资源',
      ru: 'Мобилизованные ресурсы',
    },
  },
  {
    id: 'monitoring-evaluation',
    group: 'later',
    title: {
      en: 'Monitoring and evaluation',
      fr: 'Suivi et évaluation',
      es: 'Seguimiento y evaluación',
      ar: 'الرصد والتقييم',
      zh: '监测与评估',
      ru: 'Мониторинг и оценка',
    },
  },
  {
    id: 'accessibility',
    group: 'later',
    title: {
      en: 'Accessibility of learning opportunities',
      fr: "Accessibilité des possibilités d'apprentissage",
      es: 'Accesibilidad de las oportunidades de aprendizaje',
      ar: 'إتاحة فرص التعلّم',
      zh: '学习机会的可及性',
      ru: 'Доступность возможностей для обучения',
    },
  },
  {
    id: 'learning-culture',
    group: 'later',
    title: {
      en: 'A culture of learning in the city',
      fr: "Une culture de l'apprentissage dans la ville",
      es: 'Una cultura de aprendizaje en la ciudad',
      ar: 'ثقافة التعلّم في المدينة',
      zh: '城市中的学习文化',
      ru: 'Культура обучения в городе',
    },
  },
  {
    id: 'innovation',
    group: 'later',
    title: {
      en: 'Innovation',
      fr: 'Innovation',
      es: 'Innovación',
      ar: 'الابتكار',
      zh: '创新',
      ru: 'Инновации',
    },
  },
  {
    id: 'network-contribution',
    group: 'later',
    title: {
      en: 'Contribution to the Global Network of Learning Cities',
      fr: 'Contribution au Réseau mondial des villes apprenantes',
      es: 'Contribución a la Red Mundial de Ciudades del Aprendizaje',
      ar: 'الإسهام في الشبكة العالمية لمدن التعلّم',
      zh: '对全球学习型城市网络的贡献',
      ru: 'Вклад в Глобальную сеть обучающихся городов',
    },
  },
];

/**
 * A criterion by its id.
 * @example awardCriterion('innovation').group // 'later'
 */
export function awardCriterion(id: AwardCriterionId): AwardCriterion {
  const found = AWARD_CRITERIA.find((c) => c.id === id);
  if (!found) throw new Error(`unknown award criterion ${id}`);
  return found;
}

const BUILDING_BLOCKS = AWARD_CRITERIA.filter((c) => c.group === 'building-block').map((c) => ({
  id: c.id,
  weight: 1,
}));

/**
 * The 2015 rules as the Conference report gives them: members only, biennial, up to three nominations per
 * National Commission, review against the six building blocks; the report sets no membership length, no
 * exclusion of past winners and no regional limit (twelve winners, one per country, four in Asia and the Pacific).
 * @example AWARD_RULES_2015.nominationsPerCountry // 3
 */
export const AWARD_RULES_2015: AwardRules = {
  periodicityYears: 2,
  minMembershipMonths: 0,
  exclusionYears: 0,
  nominationsPerCountry: 3,
  maxAwardeesPerCountry: 1,
  maxAwardeesPerRegion: null,
  scale: { min: 1, max: 5 },
  criteria: BUILDING_BLOCKS,
};

/**
 * Current practice, the default of a new cycle: triennial since 2021, a member for at least 12 months, not
 * awarded in the previous 6 years, two nominations per National Commission, one awardee per country and at most
 * three per UNESCO region (as in 2021 and 2024), the six building blocks weighted equally.
 * @example AWARD_RULES_CURRENT.periodicityYears // 3
 */
export const AWARD_RULES_CURRENT: AwardRules = {
  periodicityYears: 3,
  minMembershipMonths: 12,
  exclusionYears: 6,
  nominationsPerCountry: 2,
  maxAwardeesPerCountry: 1,
  maxAwardeesPerRegion: 3,
  scale: { min: 1, max: 5 },
  criteria: BUILDING_BLOCKS,
};

/** The rule an award step breaks, as the server names it in its problem type. */
export type AwardEligibilityRule = 'notMember' | 'memberTooShort' | 'recentlyAwarded';
export type AwardQuotaRule = 'nominationQuota' | 'countryAwardees' | 'regionAwardees';

export interface AwardRefusal<R extends string> {
  rule: R;
  detail: string;
}

/** What eligibility looks at in a city: membership and past awards. */
export interface AwardCandidate {
  name: string;
  isMember: boolean;
  /** When the city joined, when known to the day (accepted through the platform). */
  joinedAt: Date | null;
  /** The year of joining when only that is known; both null for members of before the platform's records. */
  memberSince: number | null;
  awardYears: readonly number[];
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * Why a city may not take part in a cycle of this award year, judged at `on` (the step's date), or null when
 * it may. Members only; a member for at least `minMembershipMonths` (a joining year alone counts from its 1
 * January; a member with no recorded joining date joined before the records and is long enough a member); not
 * awarded in the `exclusionYears` years before the cycle's year.
 * @example awardEligibility(AWARD_RULES_CURRENT, 2027, new Date('2027-03-01'), { name: 'Cork', isMember: true, joinedAt: null, memberSince: null, awardYears: [2024] })?.rule // 'recentlyAwarded'
 */
export function awardEligibility(
  rules: AwardRules,
  cycleYear: number,
  on: Date,
  city: AwardCandidate,
): AwardRefusal<AwardEligibilityRule> | null {
  if (!city.isMember) {
    return { rule: 'notMember', detail: `${city.name} is not a member of the network: the Award is for members only.` };
  }
  const joined = city.joinedAt ?? (city.memberSince === null ? null : new Date(Date.UTC(city.memberSince, 0, 1)));
  if (joined && rules.minMembershipMonths > 0 && addMonths(joined, rules.minMembershipMonths) > on) {
    return {
      rule: 'memberTooShort',
      detail: `${city.name} joined on ${joined.toISOString().slice(0, 10)}: a city must have been a member for at least ${rules.minMembershipMonths} months.`,
    };
  }
  const recent = city.awardYears.filter((y) => y < cycleYear && y >= cycleYear - rules.exclusionYears);
  if (recent.length > 0) {
    return {
      rule: 'recentlyAwarded',
      detail: `${city.name} received the Award in ${recent.join(', ')}: a city awarded in the ${rules.exclusionYears} years before ${cycleYear} may not take part.`,
    };
  }
  if (city.awardYears.includes(cycleYear)) {
    return { rule: 'recentlyAwarded', detail: `${city.name} already received the Award in ${cycleYear}.` };
  }
  return null;
}

/**
 * Why a National Commission may not nominate one more city, or null when it may.
 * @example nominationQuota(AWARD_RULES_2015, 3)?.rule // 'nominationQuota'
 */
export function nominationQuota(rules: AwardRules, nominated: number): AwardRefusal<'nominationQuota'> | null {
  if (nominated < rules.nominationsPerCountry) return null;
  return {
    rule: 'nominationQuota',
    detail: `A National Commission may nominate ${rules.nominationsPerCountry} cit${rules.nominationsPerCountry === 1 ? 'y' : 'ies'} in this cycle and has nominated ${nominated}.`,
  };
}

/**
 * Why one more awardee from this country and region would break the cycle's limits, or null when it would not.
 * `awardees` are those already selected in the cycle.
 * @example awardeeQuota(AWARD_RULES_CURRENT, [{ countryIso2: 'IE', region: 'europe-north-america' }], { countryIso2: 'IE', region: 'europe-north-america' })?.rule // 'countryAwardees'
 */
export function awardeeQuota(
  rules: AwardRules,
  awardees: readonly { countryIso2: string; region: RegionCode }[],
  candidate: { countryIso2: string; region: RegionCode },
): AwardRefusal<'countryAwardees' | 'regionAwardees'> | null {
  const sameCountry = awardees.filter((a) => a.countryIso2 === candidate.countryIso2).length;
  if (sameCountry >= rules.maxAwardeesPerCountry) {
    return {
      rule: 'countryAwardees',
      detail: `At most ${rules.maxAwardeesPerCountry} awardee${rules.maxAwardeesPerCountry === 1 ? '' : 's'} per country: ${candidate.countryIso2} has ${sameCountry}.`,
    };
  }
  const sameRegion = awardees.filter((a) => a.region === candidate.region).length;
  if (rules.maxAwardeesPerRegion !== null && sameRegion >= rules.maxAwardeesPerRegion) {
    return {
      rule: 'regionAwardees',
      detail: `At most ${rules.maxAwardeesPerRegion} awardees per UNESCO region: ${candidate.region} has ${sameRegion}.`,
    };
  }
  return null;
}

/**
 * The year the next cycle may award at the earliest, after the last award year.
 * @example nextAwardYear(2024, 3) // 2027
 */
export function nextAwardYear(lastYear: number | null, periodicityYears: number): number | null {
  return lastYear === null ? null : lastYear + periodicityYears;
}

/** Why a score may not be recorded under these rules, or null when it may. */
export function scoreRefusal(
  rules: AwardRules,
  score: number,
  rationale: string,
): AwardRefusal<'scoreOutOfScale' | 'rationaleRequired'> | null {
  if (!Number.isInteger(score) || score < rules.scale.min || score > rules.scale.max) {
    return {
      rule: 'scoreOutOfScale',
      detail: `A score is a whole number from ${rules.scale.min} to ${rules.scale.max}; ${score} is not.`,
    };
  }
  if (rationale.trim() === '') {
    return { rule: 'rationaleRequired', detail: 'Every score needs its rationale.' };
  }
  return null;
}

/** The scores of one criterion summed up: how many, their mean and their spread (highest minus lowest). */
export interface CriterionSummary {
  count: number;
  mean: number | null;
  spread: number | null;
}

/**
 * Mean and spread of the reviewers' scores on one criterion.
 * @example summarizeScores([3, 5, 4]) // { count: 3, mean: 4, spread: 2 }
 */
export function summarizeScores(scores: readonly number[]): CriterionSummary {
  if (scores.length === 0) return { count: 0, mean: null, spread: null };
  const sum = scores.reduce((a, b) => a + b, 0);
  return { count: scores.length, mean: sum / scores.length, spread: Math.max(...scores) - Math.min(...scores) };
}

/**
 * The weighted mean of the criteria's mean scores, over the criteria that have scores; null when none has.
 * @example weightedScore([{ id: 'innovation', weight: 3 }, { id: 'resources', weight: 1 }], { innovation: 4, resources: 2 }) // 3.5
 */
export function weightedScore(
  criteria: AwardRules['criteria'],
  means: Partial<Record<AwardCriterionId, number | null>>,
): number | null {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    const mean = means[c.id];
    if (mean === null || mean === undefined) continue;
    total += c.weight * mean;
    weights += c.weight;
  }
  return weights === 0 ? null : total / weights;
}
