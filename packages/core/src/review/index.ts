export {
  consolidate,
  needsReconciliation,
  RATING_CONSOLIDATION_RULES,
  type RatingConsolidationRule,
  RatingsError,
  RECONCILIATION_GAP,
} from './consolidation.ts';
export {
  type ExpertRubric,
  type ExpertRubricLevel,
  expertRubrics,
  rubricFor,
  SEED_RUBRIC_VERSION,
} from './rubrics.ts';
