import { AgreementError, type AlphaLevel, type AlphaResult, krippendorffAlpha } from '@lco/core';
import { readSurveyCsv, SurveyFileError } from '../modules/surveys/survey-file.ts';

/** The header of the optional column that names the units rather than rating them (any case). */
const UNIT_COLUMN = 'unit';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `lco agreement`: Krippendorff's alpha of a CSV file with a row per unit and a column per rater, under a header
 * of rater names. An empty cell is a missing value. A column headed `unit` (any case) names the units and is
 * not a rater. The file is read like survey data (UTF-8 with or without BOM; comma, semicolon or tab). Every
 * problem is thrown as one message naming the file, row and column at fault.
 * @example agreementFromFile('ratings.csv', 'ordinal') // { alpha: 0.815, units: 11, raters: 4, pairable: 40 }
 */
export function agreementFromFile(file: string, level: AlphaLevel): AlphaResult {
  const data = readSurveyCsv(file);
  const rowCount = data.rowCount;
  // A file read from CSV holds text columns only; typed columns come from code, never from a file.
  const columns = data.columns as Readonly<Record<string, readonly string[]>>;
  const names = Object.keys(columns);
  const unitColumn = names.find((name) => name.toLowerCase() === UNIT_COLUMN);
  const raters = names.filter((name) => name !== unitColumn);
  const unitIds = unitColumn === undefined ? undefined : columns[unitColumn];
  const where = (row: number) => `${file}: row ${row + 1}${unitIds === undefined ? '' : ` (unit '${unitIds[row]}')`}`;

  const values: (number | null)[][] = [];
  for (let row = 0; row < rowCount; row++) {
    values.push(
      raters.map((rater) => {
        const cell = (columns[rater]?.[row] ?? '').trim();
        if (cell === '') return null;
        if (!NUMBER.test(cell)) {
          const hint =
            unitColumn === undefined && rater === names[0] ? "; a column of unit names is headed 'unit'" : '';
          throw new SurveyFileError(
            `${where(row)}, column '${rater}': '${cell}' is not a number (leave the cell empty when a rater gave no value${hint})`,
          );
        }
        return Number(cell);
      }),
    );
  }
  try {
    return krippendorffAlpha(values, level);
  } catch (error) {
    // Name the file's row and column rather than the core's unit and rater numbers.
    if (error instanceof AgreementError && error.unit !== undefined && error.rater !== undefined) {
      const detail = error.message.replace(/^unit \d+, rater \d+: /, '');
      throw new SurveyFileError(`${where(error.unit)}, column '${raters[error.rater]}': ${detail}`);
    }
    if (error instanceof AgreementError) throw new SurveyFileError(`${file}: ${error.message}`);
    throw error;
  }
}
