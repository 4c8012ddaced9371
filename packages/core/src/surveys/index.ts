export {
  type AnswerCheck,
  type AnswerIssue,
  buildInstrument,
  checkAnswers,
  checkDesign,
  type DesignIssue,
  isRelevant,
  QUESTIONS_PER_PAGE,
  questionText,
  SURVEY_TRANSLATION_NOTICES,
} from './instrument.ts';
export {
  ADULT_AGE_GROUPS,
  type BankEntry,
  demographicBlock,
  measurementsOfKind,
  NOT_SURVEYED,
  QUESTION_BANK,
  RATING_CHOICES,
  WORKING_AGE_GROUPS,
  YES_NO,
} from './question-bank.ts';
export { generateResponses, seededRandom } from './sample-responses.ts';
export { type SampleWave, sampleWave } from './sample-wave.ts';
export * from './types.ts';
export {
  checkMargins,
  estimateWave,
  type MarginIssue,
  MIN_PUBLISHED_CELL,
  type PopulationMargins,
  type WaveEstimate,
  type WaveEstimates,
  type WaveWeighting,
} from './wave-estimates.ts';
