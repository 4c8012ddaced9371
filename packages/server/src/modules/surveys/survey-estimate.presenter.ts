import type { SurveyEstimates } from '@lco/core';

/**
 * The JSON `lco survey estimate` prints: estimates and weighting diagnostics, numbers at full precision, and
 * `null` where a figure does not exist (an undefined standard error, a design effect of equal weights).
 * @example presentSurveyEstimates(result) // '{\n  "estimates": [ … ],\n  "weighting": { … }\n}\n'
 */
export function presentSurveyEstimates(result: SurveyEstimates): string {
  return `${JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
