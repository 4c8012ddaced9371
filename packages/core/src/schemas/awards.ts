import { z } from 'zod';
import { countWords } from '../text/words.ts';
import { LanguageMetaSchema, LocalizedTextSchema } from './common.ts';
import { RegionCodeSchema } from './network.ts';

/**
 * The UNESCO Learning City Award run online (issue #9): cycles with their rules as settings, applications as a
 * state machine (apply → nominate → review → shortlist → jury → announce), scores, votes and the public history.
 */

const IsoDateTimeSchema = z.iso.datetime({ offset: true });

// ── rules ──────────────────────────────────────────────────────────────────────────────────────────────

/** The six building blocks of 2015, then the criteria of later cycles (titles in awards/rules.ts). */
export const AWARD_CRITERION_IDS = [
  'inclusive-learning',
  'families-and-communities',
  'workplace-learning',
  'learning-technologies',
  'quality-in-learning',
  'culture-of-learning',
  'plan-progress',
  'coordination-partnerships',
  'resources',
  'monitoring-evaluation',
  'accessibility',
  'learning-culture',
  'innovation',
  'network-contribution',
] as const;
export const AwardCriterionIdSchema = z.enum(AWARD_CRITERION_IDS);
export type AwardCriterionId = z.infer<typeof AwardCriterionIdSchema>;

/** A cycle's rules: settings the secretariat chooses when it opens the cycle, never code. */
export const AwardRulesSchema = z
  .object({
    /** Years between award cycles: 2 from 2015, 3 since 2021. */
    periodicityYears: z.number().int().min(1).max(10),
    /** A city must have been a member for this many months (0: members only). */
    minMembershipMonths: z.number().int().min(0).max(240),
    /** A city awarded in this many years before the cycle's year may not take part (0: no exclusion). */
    exclusionYears: z.number().int().min(0).max(30),
    /** Cities each National Commission may nominate in the cycle. */
    nominationsPerCountry: z.number().int().min(1).max(50),
    maxAwardeesPerCountry: z.number().int().min(1).max(50),
    /** Null: no limit per UNESCO region. */
    maxAwardeesPerRegion: z.number().int().min(1).max(100).nullable(),
    /** The scale reviewers score each criterion on, whole numbers. */
    scale: z
      .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) })
      .refine((s) => s.max > s.min, { message: 'max is above min', path: ['max'] }),
    /** The criteria applications are scored against, each with its weight in the total. */
    criteria: z
      .array(z.object({ id: AwardCriterionIdSchema, weight: z.number().int().min(1).max(100) }))
      .min(1)
      .max(AWARD_CRITERION_IDS.length)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, { message: 'each criterion once' }),
  })
  .strict();
export type AwardRules = z.infer<typeof AwardRulesSchema>;

// ── cycles ─────────────────────────────────────────────────────────────────────────────────────────────

export const AWARD_CYCLE_STATES = ['open', 'jury', 'jury-closed', 'announced'] as const;
export const AwardCycleStateSchema = z.enum(AWARD_CYCLE_STATES);
export type AwardCycleState = z.infer<typeof AwardCycleStateSchema>;

export const AWARD_CYCLE_ACTIONS = ['open-jury', 'close-jury', 'announce'] as const;
export const AwardCycleActionSchema = z.enum(AWARD_CYCLE_ACTIONS);
export type AwardCycleAction = z.infer<typeof AwardCycleActionSchema>;

export const CreateAwardCycleBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The award year (the year it is conferred). */
    year: z.number().int().min(2015).max(2100),
    /** Cities apply from `opensAt` until `closesAt`, the applications' deadline. */
    opensAt: IsoDateTimeSchema,
    closesAt: IsoDateTimeSchema,
    /** National Commissions nominate until then. */
    nominationsCloseAt: IsoDateTimeSchema,
    /** Current practice (AWARD_RULES_CURRENT) when omitted. */
    rules: AwardRulesSchema.optional(),
  })
  .refine((c) => new Date(c.closesAt) > new Date(c.opensAt), { message: 'closes after it opens', path: ['closesAt'] })
  .refine((c) => new Date(c.nominationsCloseAt) >= new Date(c.closesAt), {
    message: 'nominations close with or after the applications',
    path: ['nominationsCloseAt'],
  });
export type CreateAwardCycleBody = z.infer<typeof CreateAwardCycleBodySchema>;

export const AwardCycleTransitionBodySchema = z.object({ action: AwardCycleActionSchema });

export const AwardCycleOutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  nominationsCloseAt: z.string(),
  rules: AwardRulesSchema,
  state: AwardCycleStateSchema,
  /** Whether cities may submit now (the window and the server's clock). */
  open: z.boolean(),
  juryOpenedAt: z.string().nullable(),
  juryClosedAt: z.string().nullable(),
  announcedAt: z.string().nullable(),
  /** What the actor asking may do to the cycle now. */
  allowedActions: z.array(AwardCycleActionSchema),
});
export type AwardCycleOut = z.infer<typeof AwardCycleOutSchema>;

// ── applications ───────────────────────────────────────────────────────────────────────────────────────

export const AWARD_APPLICATION_STATES = [
  'draft',
  'submitted',
  'nominated',
  'declined',
  'shortlisted',
  'not-shortlisted',
  'awarded',
  'not-awarded',
] as const;
export const AwardApplicationStateSchema = z.enum(AWARD_APPLICATION_STATES);
export type AwardApplicationState = z.infer<typeof AwardApplicationStateSchema>;

export const AWARD_APPLICATION_ACTIONS = [
  'submit',
  'nominate',
  'decline',
  'shortlist',
  'not-shortlist',
  'select',
] as const;
export const AwardApplicationActionSchema = z.enum(AWARD_APPLICATION_ACTIONS);
export type AwardApplicationAction = z.infer<typeof AwardApplicationActionSchema>;

/** The word limit of each text of the report (the summary, and each criterion's section). */
export const AWARD_REPORT_WORD_LIMIT = 1000;

const reportText = z.string().max(20_000);

export const AwardMaterialSchema = z.object({
  kind: z.enum(['article', 'video', 'link', 'document']),
  title: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export type AwardMaterial = z.infer<typeof AwardMaterialSchema>;

/**
 * The report following the Award Application Form: a summary of the city's development as a learning city and a
 * section per criterion of the cycle, with additional materials (articles, videos) as links. A draft may lack
 * any part; submitting needs them all (see `missingAwardReportFields`).
 */
export const AwardReportSchema = z.object({
  summary: reportText.optional(),
  sections: z.partialRecord(AwardCriterionIdSchema, reportText).optional(),
  materials: z.array(AwardMaterialSchema).max(30).optional(),
});
export type AwardReport = z.infer<typeof AwardReportSchema>;

/**
 * The texts of a report over the word limit, as `{ field, message }`; empty when all are within it.
 * @example awardReportWordIssues({ summary: 'word '.repeat(1001) }) // [{ field: 'summary', message: 'has 1001 words; at most 1000' }]
 */
export function awardReportWordIssues(report: AwardReport): { field: string; message: string }[] {
  const texts: [string, string][] = [
    ['summary', report.summary ?? ''],
    ...Object.entries(report.sections ?? {}).map(([id, text]): [string, string] => [`sections.${id}`, text ?? '']),
  ];
  return texts.flatMap(([field, text]) => {
    const words = countWords(text);
    return words > AWARD_REPORT_WORD_LIMIT
      ? [{ field, message: `has ${words} words; at most ${AWARD_REPORT_WORD_LIMIT}` }]
      : [];
  });
}

/**
 * What an application still lacks before it can be submitted, as dotted paths: the summary, a section for each
 * criterion of the cycle, and the signed consent form.
 * @example missingAwardReportFields({}, ['innovation'], false) // ['summary', 'sections.innovation', 'consentForm']
 */
export function missingAwardReportFields(
  report: AwardReport,
  criteria: readonly AwardCriterionId[],
  hasConsentForm: boolean,
): string[] {
  const missing: string[] = [];
  if (!report.summary?.trim()) missing.push('summary');
  for (const id of criteria) if (!report.sections?.[id]?.trim()) missing.push(`sections.${id}`);
  if (!hasConsentForm) missing.push('consentForm');
  return missing;
}

export const CreateAwardApplicationBodySchema = z.object({
  cycleId: z.uuid(),
  /** A member city, by slug. */
  city: z.string().min(1).max(200),
});
export const SaveAwardReportBodySchema = z.object({
  report: AwardReportSchema,
  expectedVersion: z.number().int().min(1),
});

const reasons = z.string().trim().min(1).max(4000);
const expectedVersion = z.number().int().min(1).optional();

/** The body of `POST /award-applications/:id/transitions`. */
export const AwardApplicationTransitionBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), expectedVersion }),
  z.object({ action: z.literal('nominate'), expectedVersion, reasons: reasons.optional() }),
  z.object({ action: z.literal('decline'), expectedVersion, reasons }),
  z.object({ action: z.literal('shortlist'), expectedVersion, reasons: reasons.optional() }),
  z.object({ action: z.literal('not-shortlist'), expectedVersion, reasons }),
  z.object({ action: z.literal('select'), expectedVersion, reasons: reasons.optional() }),
]);
export type AwardApplicationTransitionBody = z.infer<typeof AwardApplicationTransitionBodySchema>;

export const AwardApplicationsQuerySchema = z.object({
  cycle: z.uuid().optional(),
  state: AwardApplicationStateSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  city: z.string().max(200).optional(),
});
export type AwardApplicationsQuery = z.infer<typeof AwardApplicationsQuerySchema>;

const CityRefSchema = z.object({
  slug: z.string(),
  name: z.string(),
  countryIso2: z.string(),
  region: RegionCodeSchema,
});

export const AwardApplicationOutSchema = z.object({
  id: z.uuid(),
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  city: CityRefSchema,
  state: AwardApplicationStateSchema,
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What the actor asking may do next, from the state machine and the policy. */
  allowedActions: z.array(AwardApplicationActionSchema),
});
export type AwardApplicationOut = z.infer<typeof AwardApplicationOutSchema>;

export const AwardScoreOutSchema = z.object({
  criterion: AwardCriterionIdSchema,
  score: z.number().int(),
  rationale: z.string(),
  updatedAt: z.string(),
});
export type AwardScoreOut = z.infer<typeof AwardScoreOutSchema>;

export const AwardApplicationDetailSchema = AwardApplicationOutSchema.extend({
  report: AwardReportSchema,
  missingFields: z.array(z.string()),
  consentForm: z
    .object({
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      uploadedAt: z.string(),
      downloadPath: z.string(),
    })
    .nullable(),
  /** The city's accepted monitoring data, attached when the application was submitted. */
  monitoring: z
    .object({
      attachedAt: z.string(),
      acceptedCycles: z.array(z.object({ year: z.number().int(), observations: z.number().int() })),
      publicPath: z.string(),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      from: AwardApplicationStateSchema.nullable(),
      to: AwardApplicationStateSchema,
      by: z.string().nullable(),
      reasons: z.string().nullable(),
    }),
  ),
  /** The asking reviewer's own scores (empty for everyone else). */
  myScores: z.array(AwardScoreOutSchema),
});
export type AwardApplicationDetail = z.infer<typeof AwardApplicationDetailSchema>;

/** A National Commission's nominations in a cycle, of its quota. */
export const AwardQuotaOutSchema = z.object({
  cycleId: z.uuid(),
  countryIso2: z.string(),
  quota: z.number().int(),
  used: z.number().int(),
});

// ── scores, review board, votes ────────────────────────────────────────────────────────────────────────

/**
 * A reviewer's score of one criterion. Loose on purpose: the scale is the cycle's, and a score outside it or
 * without a rationale is refused by name (`/problems/awards/score-out-of-scale`, `/problems/awards/rationale-required`).
 */
export const SaveAwardScoreBodySchema = z.object({
  score: z.number(),
  rationale: z.string().max(4000).default(''),
});

export const ReviewBoardSchema = z.object({
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  criteria: z.array(z.object({ id: AwardCriterionIdSchema, weight: z.number().int(), title: LocalizedTextSchema })),
  items: z.array(
    z.object({
      application: z.object({ id: z.uuid(), state: AwardApplicationStateSchema, city: CityRefSchema }),
      reviewers: z.number().int(),
      /** Weighted mean of the criteria's means; null before any score. */
      weightedScore: z.number().nullable(),
      criteria: z.array(
        z.object({
          criterion: AwardCriterionIdSchema,
          count: z.number().int(),
          mean: z.number().nullable(),
          /** Highest minus lowest score: how far the reviewers disagree. */
          spread: z.number().nullable(),
          scores: z.array(z.object({ reviewer: z.string(), score: z.number().int(), rationale: z.string() })),
        }),
      ),
    }),
  ),
});
export type ReviewBoard = z.infer<typeof ReviewBoardSchema>;

export const AwardVoteSchema = z.enum(['for', 'against']);
export const CastAwardVoteBodySchema = z.object({ vote: AwardVoteSchema });

/** A juror's ballot: the shortlist, with her own votes (never the others'). */
export const AwardBallotSchema = z.object({
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), state: AwardCycleStateSchema }),
  items: z.array(
    z.object({
      application: z.object({ id: z.uuid(), city: CityRefSchema }),
      myVote: AwardVoteSchema.nullable(),
    }),
  ),
});
export type AwardBallot = z.infer<typeof AwardBallotSchema>;

/** The jury's votes, counted: readable only once the jury has closed. */
export const AwardVoteTallySchema = z.object({
  cycle: z.object({ id: z.uuid(), name: z.string(), year: z.number().int(), state: AwardCycleStateSchema }),
  jurors: z.number().int(),
  items: z.array(
    z.object({
      application: z.object({ id: z.uuid(), state: AwardApplicationStateSchema, city: CityRefSchema }),
      for: z.number().int(),
      against: z.number().int(),
      /** More votes for than against: the jury's choice, which the secretariat may select. */
      chosen: z.boolean(),
    }),
  ),
});
export type AwardVoteTally = z.infer<typeof AwardVoteTallySchema>;

// ── the public record ──────────────────────────────────────────────────────────────────────────────────

export const PublicAwardCycleSchema = z.object({
  year: z.number().int(),
  name: z.string(),
  /** 'platform': run here; 'history': the seeded record of the earlier awards. */
  source: z.enum(['platform', 'history']),
  cycleId: z.uuid().nullable(),
  /** The criteria the jury's final decision was taken on; null when the record does not say. */
  criteria: z
    .array(z.object({ id: AwardCriterionIdSchema, weight: z.number().int(), title: LocalizedTextSchema }))
    .nullable(),
  awardees: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      countryIso2: z.string(),
      country: LocalizedTextSchema,
      region: RegionCodeSchema,
    }),
  ),
});
export type PublicAwardCycle = z.infer<typeof PublicAwardCycleSchema>;
export const PublicAwardsResponseSchema = LanguageMetaSchema.extend({ items: z.array(PublicAwardCycleSchema) });
export type PublicAwardsResponse = z.infer<typeof PublicAwardsResponseSchema>;
