import { type Answers, checkAnswers, type ImportError, type Instrument } from '@lco/core';
import { CsvError, parse } from 'csv-parse/sync';
import { detectDelimiter } from './survey-file.ts';

/** Rows one import may hold: a city's whole wave, with room to spare. */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * Columns KoboToolbox and ODK add around the answers (their metadata): read for the instance id, never
 * taken for answers. Group prefixes ('group_a/…', 'meta/…') are dropped before this list is consulted.
 */
const META_COLUMNS = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'audit',
  'instanceid',
  'instancename',
  'deprecatedid',
  'key',
  'submissiondate',
  'submitterid',
  'submittername',
  'attachmentspresent',
  'attachmentsexpected',
  'status',
  'reviewstate',
  'edits',
  'formversion',
  'translation_notice',
]);
const ID_COLUMNS = ['instanceid', '_uuid', 'key'];

export interface ImportedResponse {
  /** The instance id of the submission when the file has one (re-importing the same export counts once). */
  instanceId: string | null;
  answers: Answers;
}

export interface ResponseFile {
  rows: number;
  responses: ImportedResponse[];
  errors: ImportError[];
}

function baseName(header: string): string {
  const trimmed = header.replace(/^\uFEFF/, '').trim();
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function isMeta(name: string): boolean {
  return name.startsWith('_') || META_COLUMNS.has(name.toLowerCase());
}

function error(row: number | null, column: string | null, message: string): ImportError {
  const where = row === null ? (column ?? 'file') : column === null ? `row ${row}` : `row ${row}, ${column}`;
  return { field: where, message, row, column };
}

/**
 * Parses `their:ours,their2:ours2` (a column mapping for another agency's microdata).
 * @example parseColumnMap('gender:sex, age:age_group') // Map { 'gender' => 'sex', 'age' => 'age_group' }
 */
export function parseColumnMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? '').split(',')) {
    const [from, to] = pair.split(':').map((s) => s.trim());
    if (from && to) map.set(from, to);
  }
  return map;
}

/**
 * Reads a KoboToolbox or ODK CSV export ("XML values and headers"), or another agency's microdata with a
 * column mapping, against a wave's instrument. Every problem is collected, by row (as a spreadsheet numbers
 * them, the header being row 1) and column: a missing or unknown column (a renamed one is both), an answer
 * outside the choices, a number out of range. The caller imports nothing when there is any.
 * @example readResponseCsv(instrument, 'sex,age_group,district\nfemale,25-34,north\n').responses.length // 1
 */
export function readResponseCsv(
  instrument: Instrument,
  text: string,
  columnMap = new Map<string, string>(),
): ResponseFile {
  const errors: ImportError[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (cause) {
    const message = cause instanceof CsvError ? cause.message : 'not a CSV file';
    return { rows: 0, responses: [], errors: [error(null, null, `the file cannot be read as CSV: ${message}`)] };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    return { rows: 0, responses: [], errors: [error(null, null, 'the file has no responses under its header row')] };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      rows: rows.length,
      responses: [],
      errors: [error(null, null, `the file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at once`)],
    };
  }

  const questions = new Map(instrument.questions.map((q) => [q.id, q]));
  const columnOf = new Map<string, number>();
  let idColumn: number | null = null;
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = baseName(raw);
    const mapped = columnMap.get(raw.trim()) ?? columnMap.get(name) ?? name;
    if (questions.has(mapped)) {
      if (columnOf.has(mapped)) errors.push(error(null, raw, `'${mapped}' appears twice in the header`));
      columnOf.set(mapped, index);
    } else if (ID_COLUMNS.includes(name.toLowerCase()) && idColumn === null) {
      idColumn = index;
    } else if (!isMeta(name) && name !== '') {
      unknown.push(raw);
    }
  });
  const missing = instrument.questions.filter((q) => q.required && !columnOf.has(q.id)).map((q) => q.id);
  for (const id of missing) {
    const hint =
      unknown.length > 0
        ? ` (the file has ${unknown.map((u) => `'${u}'`).join(', ')}: rename it back or map it, e.g. map=${unknown[0]}:${id})`
        : '';
    errors.push(error(null, id, `the column '${id}' is missing: it is a required question of this survey${hint}`));
  }
  for (const column of unknown) {
    errors.push(
      error(
        null,
        column,
        `'${column}' is not a question of this survey (wave version ${instrument.version}): nothing is imported from a file with a column we cannot place`,
      ),
    );
  }
  if (errors.length > 0) return { rows: rows.length, responses: [], errors };

  const responses: ImportedResponse[] = [];
  rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    const raw: Record<string, string> = {};
    for (const [id, column] of columnOf) raw[id] = cells[column] ?? '';
    const checked = checkAnswers(instrument, raw);
    for (const issue of checked.issues) {
      const question = questions.get(issue.question);
      const choices =
        question?.type === 'single' ? ` (choices: ${question.choices.map((c) => c.code).join(', ')})` : '';
      errors.push(error(rowNumber, issue.question, `${issue.message}${issue.code === 'not-a-choice' ? choices : ''}`));
    }
    const instanceId = idColumn === null ? null : (cells[idColumn] ?? '').trim() || null;
    responses.push({ instanceId, answers: checked.answers });
  });
  const seen = new Map<string, number>();
  responses.forEach((r, index) => {
    if (r.instanceId === null) return;
    const first = seen.get(r.instanceId);
    if (first !== undefined)
      errors.push(error(index + 2, null, `the same submission as row ${first + 2} (${r.instanceId})`));
    else seen.set(r.instanceId, index);
  });
  return { rows: rows.length, responses, errors };
}
