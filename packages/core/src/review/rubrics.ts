import { catalogue } from '../catalogue/catalogue.ts';
import type { Catalogue, RatingLabel } from '../catalogue/types.ts';

/*
 * What each rating means for each of the 18 expert measurements of the Key Features, so that reviewers rating a
 * city's evidence blind to each other read the scale the same way. Drafted for this project from each
 * measurement's definition in the Key Features table (seed 001) and the Beijing commitment its feature comes
 * from (seed 000): UNESCO publishes the scale's labels (5 Excellent … 1 Poor) but no descriptions. The server
 * stores these as the first, secretariat-editable version of the rubrics. English only: the texts are
 * working guidance for reviewers, not catalogue text, so they carry no translations (the level labels do,
 * through the catalogue's `rating:<value>` keys).
 *
 * The descriptions share one ladder, made concrete per measurement:
 *   5  comprehensive, adopted, resourced, reaching everyone it should, results monitored and used;
 *   4  established and broad, with minor gaps in reach or monitoring;
 *   3  in place but partial: some groups, districts or sectors; limited resources or follow-up;
 *   2  isolated, occasional or project-based, without a city policy behind it;
 *   1  nothing in practice: no measure, or intentions only.
 */

/** The version of the rubrics shipped with the code; the server numbers the secretariat's edits from here. */
export const SEED_RUBRIC_VERSION = 1;

/** One point of the 1–5 scale: the catalogue's value and label, and what it looks like for one measurement. */
export interface ExpertRubricLevel extends RatingLabel {
  description: string;
}

export interface ExpertRubric {
  /** An expert measurement of the catalogue, e.g. '3.1.1a'. */
  measurementId: string;
  /** `SEED_RUBRIC_VERSION` for the rubrics shipped with the code. */
  version: number;
  /** The catalogue version the rubric was drafted for. */
  frameworkVersion: Catalogue['version'];
  /** Five levels, 5 (Excellent) first, in the order of the catalogue's rating labels. */
  levels: readonly ExpertRubricLevel[];
}

type Descriptions = Readonly<Record<RatingLabel['value'], string>>;

function rubric(measurementId: string, descriptions: Descriptions): ExpertRubric {
  return Object.freeze({
    measurementId,
    version: SEED_RUBRIC_VERSION,
    frameworkVersion: catalogue.version,
    levels: Object.freeze(
      catalogue.ratingLabels.map(({ value, label }) =>
        Object.freeze({ value, label, description: descriptions[value] }),
      ),
    ),
  });
}

/**
 * The rubric of every expert measurement, in catalogue order.
 * @example expertRubrics.length // 18
 * @example expertRubrics[0]?.levels[0] // { value: 5, label: 'Excellent', description: 'Sustainable development …' }
 */
export const expertRubrics: readonly ExpertRubric[] = Object.freeze([
  rubric('1.3.3a', {
    5: 'Sustainable development is part of education policy and practice at every level — early childhood, schools, vocational and higher education, adult and community learning — with trained educators, whole-institution practice (e.g. green schools and campuses) and evaluated results.',
    4: 'Measures reach most levels of education and are carried out systematically, with educator training and some evaluation; one level or setting lags behind.',
    3: 'Measures exist at several levels but unevenly: some institutions or programmes carry them out, with little educator training or evaluation.',
    2: 'Isolated projects or campaigns at one level of education, left to individual schools or partners; no city-wide measure.',
    1: 'No measure to promote sustainable development in education, or intentions only, with no evidence of practice.',
  }),
  rubric('2.1.4a', {
    5: 'A city-wide set of measures (e.g. language support, mother-tongue or bilingual provision, fee waivers, outreach, mentoring) reaches the minority and disadvantaged groups identified in the city’s data, is funded over time, and its effect on participation and achievement is monitored and shows progress.',
    4: 'Measures cover most identified groups and are funded and carried out consistently; monitoring exists but results are only partly documented.',
    3: 'Measures exist for some groups or some districts; their reach, funding or follow-up is limited.',
    2: 'Occasional or project-based support, mostly by others (NGOs, individual schools), with little involvement of the city authorities.',
    1: 'No measures, or the disadvantaged groups are not even identified; no evidence of support.',
  }),
  rubric('2.1.4b', {
    5: 'A broad, well-used learning offer for people aged 65 and older (e.g. universities of the third age, intergenerational and digital-skills programmes) in accessible places and at affordable cost, planned with older people, funded over time, with participation monitored and rising.',
    4: 'A broad offer in most districts, funded by or with the city, with some participation data; a few barriers remain.',
    3: 'Some programmes, in parts of the city or on few topics; barriers of cost, place or timing are not addressed; little data.',
    2: 'Isolated activities, mostly run by others without city support; no policy for older learners.',
    1: 'No measures for senior-citizen learners.',
  }),
  rubric('2.2.1b', {
    5: 'An adopted policy on learning in families (e.g. parenting education, family literacy, intergenerational learning, resources for learning at home) is carried out through community learning spaces across the city, gives priority to families in need, is funded and is evaluated.',
    4: 'An adopted policy carried out in most of the city with dedicated funding; evaluation is partial.',
    3: 'A policy, or a section of a wider strategy, exists but is carried out only in part (some programmes, some districts) or without dedicated funding.',
    2: 'Scattered family-learning programmes (e.g. by libraries or NGOs) with no policy behind them, or a draft policy not adopted.',
    1: 'No policy and no evidence of city support for learning in families.',
  }),
  rubric('2.3.1b', {
    5: 'A city strategy supports migrant workers’ learning — language, vocational training, recognition of qualifications gained abroad, guidance — open to all migrant workers, at times and places they can attend, with employers and unions involved, funded, and with participation monitored.',
    4: 'Initiatives cover the main needs and most migrant workers and are funded; monitoring is partial.',
    3: 'Some initiatives (e.g. language courses), limited in scope, places or reach; barriers such as cost or working hours are not addressed.',
    2: 'Occasional, project-based initiatives, mostly by others, without a city strategy.',
    1: 'No initiatives: migrant workers are not considered in the city’s education and training provision.',
  }),
  rubric('2.3.2a', {
    5: 'A city strategy helps public and private organizations become learning organizations (e.g. standards or awards, advice and networks, incentives for training and learning leave), the city administration leads by example, organizations of all sizes take part, and employees’ participation in learning is monitored.',
    4: 'Established initiatives reach many organizations, the city administration among them, with some evidence of results.',
    3: 'Initiatives exist but reach few organizations, mostly large ones; little evidence of employees’ participation.',
    2: 'Isolated events or pilots, without a strategy.',
    1: 'No initiative to develop learning organizations.',
  }),
  rubric('2.5.1a', {
    5: 'Education policy sets learner-centred aims — creativity, critical thinking, learning to learn — and backs them with teacher development, changes to curricula and assessment, and learner-friendly environments across schools and adult learning; the effects are evaluated.',
    4: 'The policy is adopted and carried out in most institutions, with teacher development; evaluation is partial.',
    3: 'The aims appear in policy, but practice is limited to pilot schools or programmes, and assessment still rewards the recall of information.',
    2: 'Individual innovative schools or projects, without policy support.',
    1: 'No such policy: teaching and assessment centre on passing on information.',
  }),
  rubric('2.6.1a', {
    5: 'Regular city-wide public events that celebrate learning (e.g. an annual learning festival or adult learners’ week) involve many stakeholders and reach all groups and districts, with sustained use of all media, social media included; participation is recorded and growing.',
    4: 'Regular events and media campaigns with broad participation; some groups or districts are less reached.',
    3: 'Events are held, but irregularly or on a small scale; little use of the media.',
    2: 'Occasional single events with little publicity.',
    1: 'No public activities to promote and celebrate learning.',
  }),
  rubric('2.6.3a', {
    5: 'A policy recognizes, validates and accredits the outcomes of formal, non-formal and informal learning (e.g. validation of prior learning, credit transfer, learning records, awards), linked to the national qualifications framework, widely used by learners and accepted by employers, with its use monitored.',
    4: 'Policy and practice are in place and used in several sectors; some gaps (e.g. informal learning) or limited uptake.',
    3: 'Some non-formal learning is recognized, or only in some sectors; no coherent policy, or a policy with little practice.',
    2: 'Only formal qualifications count; isolated pilot schemes.',
    1: 'No policy or practice of recognizing learning outside formal education.',
  }),
  rubric('3.1.1a', {
    5: 'The mayor and city council lead the learning city publicly and persistently: a stated priority across terms of office, backed by budget and by a coordinating body with authority, with leaders personally involved in its events and partnerships.',
    4: 'Strong, visible commitment with resources and a coordinating body; continuity across terms or reach across departments is not yet proven.',
    3: 'Leaders have endorsed the learning city (e.g. signed a declaration, joined the network), but their involvement in implementation and the resources are limited.',
    2: 'Commitment is mostly rhetorical or confined to one department; little follow-through.',
    1: 'No evident political leadership for the learning city.',
  }),
  rubric('3.1.2a', {
    5: 'The city council has adopted a strategy (and supporting regulations) for lifelong learning for all, developed with stakeholders and citizens, with objectives, targets, responsibilities, budget and timeline, integrated with the city’s other plans, and carried out as planned.',
    4: 'An adopted strategy with objectives, responsibilities and budget, being carried out; targets or integration with other plans are weaker.',
    3: 'An adopted strategy that stays general — few objectives, targets or resources — or was developed without stakeholders.',
    2: 'A draft, or a strategy limited to one sector (e.g. schooling), not adopted by the council.',
    1: 'No legislation, policy or strategy for lifelong learning for all.',
  }),
  rubric('3.1.3a', {
    5: 'A monitoring and evaluation framework with indicators (e.g. the Key Features), baselines and targets; data collected regularly and reported publicly; findings used to adjust the strategy; independent or participatory review.',
    4: 'Regular monitoring with indicators and reports; baselines, targets or the use of findings are partial.',
    3: 'Some data are collected, irregularly or without targets; reports stay internal.',
    2: 'Occasional activity reports without indicators.',
    1: 'No measures to monitor progress of the learning city strategy.',
  }),
  rubric('3.2.1a', {
    5: 'A standing inter-sectoral body (e.g. a learning city council or steering committee) with a mandate, secretariat and resources brings together city departments, education providers, civil society and the private sector; it meets regularly, its decisions are carried out, and stakeholders say coordination works.',
    4: 'An established coordination body with broad membership that works regularly; some sectors are less engaged, or decisions are not always followed up.',
    3: 'A body exists but meets irregularly, has a narrow membership, or mainly exchanges information.',
    2: 'Ad hoc contacts or project-based cooperation only.',
    1: 'No mechanism for stakeholder coordination.',
  }),
  rubric('3.2.2a', {
    5: 'Stakeholders across sectors (education providers, libraries and cultural institutions, health services, NGOs, employers, community groups) have their own commitments or plans for better and more accessible learning in their areas of responsibility, act on them and report on them.',
    4: 'Most key stakeholders have commitments and act on them; documentation or reach is partial.',
    3: 'Some stakeholders, mainly education providers, act; others are not involved.',
    2: 'Few stakeholders are involved, and only occasionally.',
    1: 'No evidence of stakeholders’ commitment, plans or actions.',
  }),
  rubric('3.2.2b', {
    5: 'Formal, lasting partnerships between the city and private companies or business associations contribute to the learning city strategy (e.g. funding, workplace learning, apprenticeships, facilities, expertise), with agreed aims and reviewed results.',
    4: 'Several established partnerships with substantial contributions; results are partly reviewed.',
    3: 'Some partnerships, short-term or small in scale.',
    2: 'Occasional sponsorship or one-off cooperation.',
    1: 'No partnership or cooperation with the private sector.',
  }),
  rubric('3.3.2a', {
    5: 'The city maps its learning resources — human, financial, cultural and other (venues, people, programmes, funds, heritage) — keeps the map current and public, and puts them to use in innovative ways (e.g. schools and cultural venues open for community learning, volunteer schemes, shared platforms), with their use monitored.',
    4: 'Resources are mapped and shared in several ways; the mapping is incomplete or not kept current.',
    3: 'Partial mapping, or occasional sharing of resources without a systematic approach.',
    2: 'Isolated examples of resource sharing; no mapping.',
    1: 'No mapping or shared use of the city’s learning resources.',
  }),
  rubric('3.3.3a', {
    5: 'A dedicated, lasting budget supports disadvantaged groups’ participation in learning (e.g. fee waivers, grants, vouchers, transport or childcare support), targeted by need and reaching those eligible; its use and effect on participation are monitored and reported.',
    4: 'Dedicated funds targeted by need and used; monitoring of reach or effect is partial.',
    3: 'Some funding, but small, short-term or poorly targeted; little evidence of effect.',
    2: 'Occasional, ad hoc support.',
    1: 'No funds allocated to support disadvantaged groups in learning.',
  }),
  rubric('3.3.5a', {
    5: 'The city takes an active part in international learning city networks (e.g. the Global Network of Learning Cities and its clusters) and partnerships, exchanging practice with other cities in both directions, and shows how what it learnt has changed its own strategy.',
    4: 'Regular participation and exchanges, with some documented use of what was learnt.',
    3: 'Membership of networks and occasional participation; little exchange or use of it.',
    2: 'Few, one-off international contacts.',
    1: 'No international partnership or exchange with other learning cities.',
  }),
]);

const BY_MEASUREMENT = new Map(expertRubrics.map((r) => [r.measurementId, r]));

/**
 * The rubric of an expert measurement; undefined for a measurement that is not rated by experts.
 * @example rubricFor('3.1.1a')?.levels.map((l) => l.label) // ['Excellent', 'Very good', 'Good', 'Fair', 'Poor']
 * @example rubricFor('1.1.1a') // undefined (official statistics)
 */
export function rubricFor(measurementId: string): ExpertRubric | undefined {
  return BY_MEASUREMENT.get(measurementId);
}
