import { estimateSurvey, type SurveyEstimates } from '@lco/core';
import { readSurveyCsv, readSurveyDesign } from './survey-file.ts';

/**
 * `lco survey estimate`: reads the answers and the design, then weights and estimates with the engine of
 * `@lco/core`. Every problem is thrown as one message naming the file, column, row or margin at fault.
 * @example estimateFromFiles('answers.csv', 'design.json').estimates[0] // { statistic: 'mean', … }
 */
export function estimateFromFiles(dataFile: string, designFile: string): SurveyEstimates {
  const design = readSurveyDesign(designFile);
  return estimateSurvey(readSurveyCsv(dataFile), design);
}
