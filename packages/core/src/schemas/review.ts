import { z } from 'zod';
import { countWords } from '../text/words.ts';
import { LangSchema } from './common.ts';

/*
 * Expert review of the 18 "experts' review" measurements (ratings 1–5): the city's narratives, rubrics,
 * rounds, assignments, blind ratings, agreement, reconciliation and consolidation. The server validates
 * with these schemas and the web app codes against them.
 */

/** The most words a narrative may have (enforced by the server, shown while typing). */
export const NARRATIVE_WORD_LIMIT = 500;
/** A narrative's longest text in characters, whatever its words: a bound for hostile input. */
export const NARRATIVE_MAX_CHARS = 12_000;

const CitySlugSchema = z.string().min(1).max(200);
const RationaleSchema = z.string().trim().min(1, 'give the reasons for the rating').max(4000);

// ── narratives ──────────────────────────────────────────────────────────────────────────────────────────

/** A city's written case for one expert measurement in a cycle, in the language the city chose. */
export const NarrativeOutSchema = z.object({
  measurementId: z.string(),
  text: z.string(),
  lang: LangSchema,
  words: z.number().int(),
  wordLimit: z.number().int(),
  /** Incremented on every save: a save names the version it read, so a concurrent edit is caught. */
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type NarrativeOut = z.infer<typeof NarrativeOutSchema>;

export const NarrativeListSchema = z.object({
  wordLimit: z.number().int(),
  /** The expert measurements a narrative may be written for. */
  measurements: z.array(z.string()),
  items: z.array(NarrativeOutSchema),
});
export type NarrativeList = z.infer<typeof NarrativeListSchema>;

export const SaveNarrativeBodySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'write the narrative, or leave it unsaved')
    .max(NARRATIVE_MAX_CHARS)
    .refine((text) => countWords(text) <= NARRATIVE_WORD_LIMIT, `is at most ${NARRATIVE_WORD_LIMIT} words`),
  lang: LangSchema,
  /** The version the editor read; null for a new narrative. */
  expectedVersion: z.number().int().min(1).nullable(),
});
export type SaveNarrativeBody = z.infer<typeof SaveNarrativeBodySchema>;

// ── rubrics ─────────────────────────────────────────────────────────────────────────────────────────────

/** What each rating looks like for one measurement: 5 Excellent, 4 Very good, 3 Good, 2 Fair, 1 Poor. */
export const RubricLevelsSchema = z.object({
  '5': z.string().trim().min(1).max(2000),
  '4': z.string().trim().min(1).max(2000),
  '3': z.string().trim().min(1).max(2000),
  '2': z.string().trim().min(1).max(2000),
  '1': z.string().trim().min(1).max(2000),
});
export type RubricLevels = z.infer<typeof RubricLevelsSchema>;

export const RubricOutSchema = z.object({
  measurementId: z.string(),
  /** 1, 2, …: every edit is a new version; a round pins the versions its reviewers rate against. */
  version: z.number().int(),
  /** The catalogue version the rubric belongs to ('key-features-2013'). */
  frameworkVersion: z.string(),
  levels: RubricLevelsSchema,
  /** 'seed': drafted from the measurement's definition; 'secretariat': edited. */
  source: z.enum(['seed', 'secretariat']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RubricOut = z.infer<typeof RubricOutSchema>;

export const RubricListSchema = z.object({ items: z.array(RubricOutSchema) });

export const SaveRubricBodySchema = z.object({
  levels: RubricLevelsSchema,
  /** The version the secretariat edited; a newer one in between is a conflict. */
  expectedVersion: z.number().int().min(1),
});
export type SaveRubricBody = z.infer<typeof SaveRubricBodySchema>;

// ── reviewers ───────────────────────────────────────────────────────────────────────────────────────────

export const ConflictOutSchema = z.object({
  city: z.string(),
  cityName: z.string(),
  reason: z.string(),
  declaredAt: z.string(),
});

/** An expert's facts that decide where she may review: her country and her declared conflicts. */
export const ExpertProfileSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** ISO 3166 alpha-2; null until set (an expert without a country cannot be assigned). */
  countryIso2: z.string().nullable(),
  conflicts: z.array(ConflictOutSchema),
});
export type ExpertProfile = z.infer<typeof ExpertProfileSchema>;

export const SaveExpertProfileBodySchema = z.object({
  countryIso2: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'is an ISO 3166 alpha-2 code')
    .transform((s) => s.toUpperCase()),
});

export const DeclareConflictBodySchema = z.object({
  city: CitySlugSchema,
  reason: z.string().trim().min(1, 'say what the conflict of interest is').max(2000),
});

// ── rounds ──────────────────────────────────────────────────────────────────────────────────────────────

export const REVIEW_ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export const ReviewAlphaLevelSchema = z.enum(REVIEW_ALPHA_LEVELS);

/** How the final ratings of a measurement become one whole rating (core's `consolidate`; shown on the public page). */
export const CONSOLIDATION_RULES = ['median', 'mean', 'mode'] as const;
export const ConsolidationRuleSchema = z.enum(CONSOLIDATION_RULES);
export type ConsolidationRule = z.infer<typeof ConsolidationRuleSchema>;

export const ROUND_STATES = ['open', 'closed', 'consolidated'] as const;
export const RoundStateSchema = z.enum(ROUND_STATES);
export type RoundState = z.infer<typeof RoundStateSchema>;

export const RoundSettingsSchema = z.object({
  /** ISO 8601 date-time; ratings are due then. */
  deadline: z.iso.datetime({ offset: true }),
  /** Reviewers with unsubmitted ratings get one reminder this many days before the deadline. */
  reminderDaysBefore: z.number().int().min(0).max(60).default(7),
  alphaLevel: ReviewAlphaLevelSchema.default('ordinal'),
  consolidationRule: ConsolidationRuleSchema.default('median'),
  minReviewers: z.number().int().min(2).max(10).default(2),
});
export type RoundSettings = z.infer<typeof RoundSettingsSchema>;

export const CreateRoundBodySchema = RoundSettingsSchema.extend({
  name: z.string().trim().min(1).max(200),
});
export type CreateRoundBody = z.infer<typeof CreateRoundBodySchema>;

/** Change a round's name or settings while it is open (a new deadline re-arms the reminder). */
export const UpdateRoundBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    deadline: z.iso.datetime({ offset: true }),
    reminderDaysBefore: z.number().int().min(0).max(60),
    alphaLevel: ReviewAlphaLevelSchema,
    consolidationRule: ConsolidationRuleSchema,
    minReviewers: z.number().int().min(2).max(10),
  })
  .partial();
export type UpdateRoundBody = z.infer<typeof UpdateRoundBodySchema>;

export const AddRoundCycleBodySchema = z.object({ city: CitySlugSchema, year: z.number().int().min(1990).max(2100) });

export const RoundCycleOutSchema = z.object({
  city: z.string(),
  cityName: z.string(),
  countryIso2: z.string(),
  year: z.number().int(),
  reviewers: z.number().int(),
  submitted: z.number().int(),
  consolidatedAt: z.string().nullable(),
});

export const RoundOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: RoundStateSchema,
  deadline: z.string(),
  reminderDaysBefore: z.number().int(),
  alphaLevel: ReviewAlphaLevelSchema,
  consolidationRule: ConsolidationRuleSchema,
  minReviewers: z.number().int(),
  /** The rubric version of each expert measurement that this round's reviewers rate against. */
  rubricVersions: z.record(z.string(), z.number().int()),
  cycles: z.array(RoundCycleOutSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoundOut = z.infer<typeof RoundOutSchema>;

export const RoundListSchema = z.object({ items: z.array(RoundOutSchema) });

// ── assignments ─────────────────────────────────────────────────────────────────────────────────────────

export const ASSIGNMENT_STATES = ['assigned', 'submitted', 'recused'] as const;
export const AssignmentStateSchema = z.enum(ASSIGNMENT_STATES);

export const CreateAssignmentBodySchema = z.object({ city: CitySlugSchema, reviewerId: z.uuid() });

export const AssignmentOutSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundState: RoundStateSchema,
  deadline: z.string(),
  city: z.string(),
  cityName: z.string(),
  year: z.number().int(),
  reviewer: z.object({ id: z.string(), name: z.string() }),
  state: AssignmentStateSchema,
  /** Expert measurements with a saved rating (or a reasoned "cannot rate"), of `measurements`. */
  rated: z.number().int(),
  measurements: z.number().int(),
  submittedAt: z.string().nullable(),
  /** Measurements flagged for reconciliation in this city (visible once every reviewer has submitted). */
  flagged: z.array(z.string()),
  createdAt: z.string(),
});
export type AssignmentOut = z.infer<typeof AssignmentOutSchema>;

export const AssignmentListSchema = z.object({ items: z.array(AssignmentOutSchema) });

/** Whether an expert may be assigned to a city in a round, and if not which rule says no. */
export const ASSIGNMENT_RULES = [
  'same-country',
  'conflict-of-interest',
  'country-unknown',
  'already-assigned',
  'not-an-expert',
] as const;
export const AssignmentRuleSchema = z.enum(ASSIGNMENT_RULES);

export const ReviewerCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  countryIso2: z.string().nullable(),
  /** Open assignments across all open rounds, and assignments in this round. */
  workload: z.object({ open: z.number().int(), inRound: z.number().int() }),
  eligible: z.boolean(),
  refusedBy: AssignmentRuleSchema.nullable(),
});
export const ReviewerCandidateListSchema = z.object({ city: z.string(), items: z.array(ReviewerCandidateSchema) });

// ── ratings ─────────────────────────────────────────────────────────────────────────────────────────────

/** A whole rating from 1 (Poor) to 5 (Excellent). */
export const RatingValueSchema = z.number().int().min(1).max(5);

export const SaveRatingBodySchema = z.object({
  /** 1–5, or null for "cannot rate from this evidence" (then the rationale says why; it counts as missing). */
  value: RatingValueSchema.nullable(),
  rationale: RationaleSchema,
});
export type SaveRatingBody = z.infer<typeof SaveRatingBodySchema>;

/** A revision during reconciliation: a new version beside the submitted one, which is kept. */
export const ReviseRatingBodySchema = SaveRatingBodySchema.extend({
  /** The version being revised (the current one); a newer one in between is a conflict. */
  expectedVersion: z.number().int().min(1),
});
export type ReviseRatingBody = z.infer<typeof ReviseRatingBodySchema>;

export const RatingOutSchema = z.object({
  measurementId: z.string(),
  value: RatingValueSchema.nullable(),
  rationale: z.string(),
  /** 1 for the rating as submitted, 2… for revisions during reconciliation. */
  version: z.number().int(),
  /** Null while it is a draft (only before the assignment is submitted). */
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type RatingOut = z.infer<typeof RatingOutSchema>;

/** Another reviewer's rating, as a reviewer sees it during reconciliation and a city in its results. */
export const AnonymousRatingSchema = z.object({
  /** 'Reviewer 1', 'Reviewer 2', … in the order of assignment; never a name. */
  reviewer: z.string(),
  value: RatingValueSchema.nullable(),
  rationale: z.string(),
  version: z.number().int(),
});

export const FLAG_STATES = ['open', 'resolved', 'acknowledged'] as const;
export const FlagStateSchema = z.enum(FLAG_STATES);

export const FlagOutSchema = z.object({
  city: z.string(),
  measurementId: z.string(),
  state: FlagStateSchema,
  /** Highest minus lowest current rating. */
  spread: z.number().int(),
  raisedAt: z.string(),
  closedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type FlagOut = z.infer<typeof FlagOutSchema>;

export const AcknowledgeFlagBodySchema = z.object({
  comment: z.string().trim().min(1, 'say why the disagreement stands').max(4000),
});

/** Evidence as a reviewer sees it beside the rubric (the cycle's files and links; downloads need the same rights). */
export const ReviewEvidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  measurementId: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  downloadPath: z.string().nullable(),
  uploadedAt: z.string(),
});

/** The rating screen: evidence on the left, rubric and rating on the right, one block per measurement. */
export const AssignmentDetailSchema = z.object({
  assignment: AssignmentOutSchema,
  /** Evidence for the whole cycle rather than one measurement. */
  cycleEvidence: z.array(ReviewEvidenceSchema),
  measurements: z.array(
    z.object({
      measurementId: z.string(),
      name: z.string(),
      definition: z.string(),
      rubric: RubricOutSchema.nullable(),
      narrative: NarrativeOutSchema.nullable(),
      evidence: z.array(ReviewEvidenceSchema),
      /** My current rating (the latest version), and every version of it. */
      rating: RatingOutSchema.nullable(),
      history: z.array(RatingOutSchema),
      flag: FlagOutSchema.nullable(),
      /** The other reviewers' current ratings: null until I have submitted and only for a flagged measurement. */
      others: z.array(AnonymousRatingSchema).nullable(),
    }),
  ),
});
export type AssignmentDetail = z.infer<typeof AssignmentDetailSchema>;

// ── agreement, dashboard, consolidation ─────────────────────────────────────────────────────────────────

/** Krippendorff's alpha with what it rests on; `alpha` is null (with the reason) when it cannot be computed. */
export const AgreementOutSchema = z.object({
  alpha: z.number().nullable(),
  units: z.number().int(),
  raters: z.number().int(),
  pairable: z.number().int(),
  reason: z.string().nullable(),
});
export type AgreementOut = z.infer<typeof AgreementOutSchema>;

export const RoundDashboardSchema = z.object({
  round: RoundOutSchema,
  progress: z.object({
    assignments: z.number().int(),
    submitted: z.number().int(),
    cities: z.number().int(),
    consolidated: z.number().int(),
  }),
  cities: z.array(
    z.object({
      city: z.string(),
      cityName: z.string(),
      year: z.number().int(),
      reviewers: z.array(
        z.object({
          assignmentId: z.string(),
          reviewerId: z.string(),
          name: z.string(),
          state: AssignmentStateSchema,
          rated: z.number().int(),
          submittedAt: z.string().nullable(),
        }),
      ),
      /** Enough submitted reviewers, nothing left open: consolidation may go ahead. */
      ready: z.boolean(),
      /** Why not, when not ready. */
      blockers: z.array(z.string()),
      consolidatedAt: z.string().nullable(),
    }),
  ),
  flags: z.array(FlagOutSchema),
  /**
   * Agreement at the round's level of measurement: over the whole round (units are city × measurement) and per
   * measurement (units are cities, raters reviewers); `initial` on ratings as first submitted, `final` after
   * reconciliation.
   */
  agreement: z.object({
    level: ReviewAlphaLevelSchema,
    initial: AgreementOutSchema,
    final: AgreementOutSchema,
    measurements: z.array(
      z.object({ measurementId: z.string(), initial: AgreementOutSchema, final: AgreementOutSchema }),
    ),
  }),
  workload: z.array(
    z.object({
      reviewerId: z.string(),
      name: z.string(),
      assigned: z.number().int(),
      submitted: z.number().int(),
    }),
  ),
});
export type RoundDashboard = z.infer<typeof RoundDashboardSchema>;

export const ConsolidateBodySchema = z.object({
  /** One city of the round; left out, every city that is ready. */
  city: CitySlugSchema.optional(),
});

export const ConsolidationOutSchema = z.object({
  consolidated: z.array(z.object({ city: z.string(), year: z.number().int(), observations: z.number().int() })),
  round: RoundOutSchema,
});

/** Where an expert-consolidated figure comes from, carried by its observation. */
export const ExpertProvenanceSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  rule: ConsolidationRuleSchema,
  reviewers: z.number().int(),
  alpha: z.number().nullable(),
  alphaLevel: ReviewAlphaLevelSchema,
});
export type ExpertProvenance = z.infer<typeof ExpertProvenanceSchema>;

/** A city's consolidated ratings with the reviewers' rationales, anonymised. */
export const ReviewResultsSchema = z.object({
  city: z.string(),
  year: z.number().int(),
  rounds: z.array(
    z.object({
      roundId: z.string(),
      roundName: z.string(),
      rule: ConsolidationRuleSchema,
      alphaLevel: ReviewAlphaLevelSchema,
      consolidatedAt: z.string(),
      measurements: z.array(
        z.object({
          measurementId: z.string(),
          name: z.string(),
          /** The consolidated figure as exact text, null when no reviewer could rate it. */
          value: z.string().nullable(),
          reviewers: z.number().int(),
          /** Agreement on this measurement across the round's cities. */
          alpha: z.number().nullable(),
          ratings: z.array(AnonymousRatingSchema),
        }),
      ),
    }),
  ),
});
export type ReviewResults = z.infer<typeof ReviewResultsSchema>;
