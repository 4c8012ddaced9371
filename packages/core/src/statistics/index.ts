export {
  type PopulationCell,
  type PostStratifyOptions,
  type PostStratifyReport,
  postStratify,
  type RakeMargin,
  type RakeOptions,
  type RakeReport,
  rake,
  type TrimOptions,
  type TrimReport,
  trimWeights,
} from './calibration.ts';
export {
  type CategoricalColumn,
  categoricalColumn,
  type NumericColumn,
  numericColumn,
  type SurveyColumn,
  type SurveyData,
  SurveyTable,
} from './columns.ts';
export {
  type DesignOptions,
  degreesOfFreedom,
  LONELY_PSU_CHOICES,
  type LonelyPsu,
  type SurveyDesign,
  surveyDesign,
} from './design.ts';
export { qnorm, qt } from './distributions.ts';
export { SurveyCalibrationError, SurveyDataError, SurveyDesignError, SurveyError } from './errors.ts';
export {
  estimateSurvey,
  type SurveyEstimates,
  summarizeWeights,
  type WeightingReport,
  type WeightSummary,
} from './estimate.ts';
export {
  type Domain,
  domains,
  type Estimate,
  type EstimateOptions,
  type Statistic,
  surveyMean,
  surveyProportion,
  surveyTotal,
} from './estimators.ts';
export { type EstimateRequest, parseSurveySpec, type SurveySpec, SurveySpecSchema } from './spec.ts';
export { linearizedVariance } from './variance.ts';
