import fs from 'node:fs';
import { parseSurveySpec, type SurveyData, type SurveySpec } from '@lco/core';
import { CsvError, parse } from 'csv-parse/sync';

/** A data or design file that cannot be read: the message names the file and what is wrong with it. */
export class SurveyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SurveyFileError';
  }
}

const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_NAMES: Record<(typeof DELIMITERS)[number], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function readBytes(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new SurveyFileError(`cannot read the ${what} '${file}': ${reason}`);
  }
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SurveyFileError(`${file}: not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)`);
  }
}

/**
 * The delimiter of the header line: whichever of comma, semicolon and tab occurs most outside quotes there
 * (a comma when none does). Spreadsheets in many languages write semicolons; exports from databases, tabs.
 */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: (typeof DELIMITERS)[number] = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Reads survey answers from a CSV file into text columns: UTF-8 with or without a byte-order mark, comma,
 * semicolon or tab delimited (detected from the header), quoted fields that hold delimiters, quotes or
 * newlines. Empty cells are missing values; blank lines are skipped.
 * @example readSurveyCsv('answers.csv').columns.age // ['34', '', '51', …]
 */
export function readSurveyCsv(file: string): SurveyData {
  const text = decodeUtf8(readBytes(file, 'data file'), file);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const where = line === undefined ? '' : `, line ${line}`;
      if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
        const got = (error as CsvError & { record?: unknown[] }).record?.length;
        throw new SurveyFileError(
          `${file}${where}: ${got ?? 'a different number of'} fields where the header has ${headerLength(text, delimiter)} (${DELIMITER_NAMES[delimiter]}-separated)`,
        );
      }
      if (error.code === 'CSV_QUOTE_NOT_CLOSED')
        throw new SurveyFileError(`${file}${where}: a quoted field is never closed`);
      throw new SurveyFileError(`${file}${where}: not valid CSV (${error.message})`);
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw new SurveyFileError(`${file}: no rows of data under a header line`);
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (name === '') throw new SurveyFileError(`${file}: column ${j + 1} of the header has no name`);
    if (seen.has(name)) throw new SurveyFileError(`${file}: the header names column '${name}' twice`);
    seen.add(name);
  });
  const columns: Record<string, string[]> = {};
  names.forEach((name, j) => {
    const values = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = (rows[i] as string[])[j] ?? '';
    columns[name] = values;
  });
  return { rowCount: rows.length, columns };
}

function headerLength(text: string, delimiter: string): number {
  const first = parse(text, { bom: true, delimiter, to_line: 1 }) as string[][];
  return first[0]?.length ?? 0;
}

/**
 * Reads a design file (JSON; see docs/methodology.md) and checks its shape.
 * @example readSurveyDesign('design.json').estimate // [{ mean: 'age' }]
 */
export function readSurveyDesign(file: string): SurveySpec {
  const text = decodeUtf8(readBytes(file, 'design file'), file).replace(/^\ufeff/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SurveyFileError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseSurveySpec(json);
}
