import {
  checkObservation,
  type FileFormat,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportError,
  type ImportWarning,
  type Measurement,
  OBSERVATION_FILE_COLUMNS,
  type ObservationFileColumn,
  TOTAL,
} from '@lco/core';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

/**
 * Observation files, from bytes to checked rows and back: CSV (UTF-8 with or without a byte-order mark;
 * comma, semicolon or tab; quoted fields with newlines) or XLSX. No database here: the service hands in what
 * is stored and applies the result. Row numbers are the ones a spreadsheet shows (the header is row 1), so a
 * quoted newline inside a note does not shift them.
 */

/** What the observation rules need from a measurement (catalogue or local). */
export type RulesMeasurement = Pick<Measurement, 'id' | 'unit' | 'range' | 'breakdowns'>;

/**
 * One data row under the header: its cells in the file's order (trimmed text; '' when empty), which
 * `ObservationSheet.columns` names. An array rather than a map per row: a large file has 100,000 rows.
 */
export interface SheetRow {
  row: number;
  cells: readonly string[];
}

export interface ObservationSheet {
  format: FileFormat | null;
  /** Data rows read under the header (blank ones included). */
  rowCount: number;
  rows: SheetRow[];
  /** Where each named column is among a row's cells. */
  columns: ReadonlyMap<ObservationFileColumn, number>;
  /** Errors of the file as a whole or of its header: when there are any, `rows` is empty. */
  errors: ImportError[];
  /** Semicolon- and tab-separated files come from spreadsheets that write decimal commas. */
  decimalComma: boolean;
}

/** Where an import goes: one city and year (the file's year column must agree), or the whole network. */
export type FileScope = { kind: 'city'; city: string; year: number } | { kind: 'network' };

/** A row that reads well: typed, with its key, not yet checked against its measurement. */
export interface ParsedRow {
  row: number;
  city: string;
  year: number;
  measurementId: string;
  breakdown: string;
  /** Exact decimal text: the database keeps every digit. */
  value: string;
  unit: string | undefined;
  source: string;
  note: string | null;
  electionYear: number | null;
}

/** A stored value the rows are checked against (the same year's other breakdowns, last year's value). */
export interface StoredValue {
  city: string;
  year: number;
  measurementId: string;
  breakdown: string;
  value: number;
}

/** A row of an export or template, by column. */
export type FileRow = Partial<Record<ObservationFileColumn, string | number | null>>;

const REQUIRED: readonly ObservationFileColumn[] = [
  'measurement_id',
  'breakdown',
  'year',
  'value',
  'unit',
  'source',
  'note',
];
/** The template's hint column: read past on import. */
const HINT: ObservationFileColumn = 'measurement_name';
const KNOWN = new Set<string>([...OBSERVATION_FILE_COLUMNS, 'city', HINT]);
/** Unpacked XLSX content read at most: a small file that inflates to gigabytes is refused unread. */
const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;
const MB = 1024 * 1024;
const MAX_TEXT = { measurement_id: 40, source: 1000, note: 4000 } as const;
/** Measurements whose value names the election it comes from (the rules of core require it there). */
const ELECTION_MEASUREMENTS = new Set(['1.1.2a']);

export function issue(row: number | null, column: string | null, message: string): ImportError {
  const field = row === null ? 'file' : column === null ? `row ${row}` : `row ${row}, column ${column}`;
  return { field, message, row, column };
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Read an observation file into rows keyed by column. The format comes from the content (an XLSX is a ZIP
 * archive); a name ending in .xlsx that holds something else is refused as not a spreadsheet.
 */
export async function readObservationFile(bytes: Uint8Array, fileName: string): Promise<ObservationSheet> {
  const fail = (message: string, format: FileFormat | null = null): ObservationSheet => ({
    format,
    rowCount: 0,
    rows: [],
    columns: new Map(),
    errors: [issue(null, null, message)],
    decimalComma: false,
  });
  if (bytes.length > IMPORT_MAX_BYTES) {
    return fail(`the file is ${(bytes.length / MB).toFixed(1)} MB; the limit is ${IMPORT_MAX_BYTES / MB} MB`);
  }
  if (bytes.length === 0) return fail('the file is empty');
  const named = fileName.toLowerCase();
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail('this is an old Excel 97–2003 workbook (.xls): save it as .xlsx or as CSV UTF-8');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes);
  if (/\.(xlsx|xlsm|xls|ods)$/.test(named)) {
    return fail(`${fileName} is not a spreadsheet (an .xlsx file is a ZIP archive; this is something else)`, 'xlsx');
  }
  return readCsv(bytes);
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function readCsv(bytes: Uint8Array): ObservationSheet {
  const fail = (message: string) => ({
    format: 'csv' as const,
    rowCount: 0,
    rows: [],
    columns: new Map(),
    errors: [issue(null, null, message)],
    decimalComma: false,
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not UTF-8 text: save it as CSV UTF-8, or as .xlsx');
  }
  if (text.includes('\u0000')) return fail('not a text file: upload CSV or XLSX');
  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  if ('error' in parsed) return fail(parsed.error);
  const [header, ...data] = parsed.records;
  if (!header) return fail('the file is empty');
  return fromGrid(
    'csv',
    header,
    data.map((cells, i) => ({ row: i + 2, cells })),
    delimiter !== ',',
  );
}

/**
 * CSV records (RFC 4180): quoted fields may hold delimiters, doubled quotes and newlines; CRLF, LF or CR end a
 * record; an empty line is an empty record, so record numbers stay the rows a spreadsheet shows. Stops past
 * the row limit rather than read on. Hand-written because it is the hot path of a large import (several times
 * faster than a general parser here).
 */
function parseCsv(text: string, delimiter: string): { records: string[][] } | { error: string } {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return { records };
  let record: string[] = [];
  for (;;) {
    if (text.charCodeAt(i) === 0x22) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return { error: `row ${records.length + 1}: a quoted field is never closed` };
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) !== 0x22) {
          i = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== d && next !== 0x0a && next !== 0x0d) {
        return {
          error: `row ${records.length + 1}: text after the closing quote of a field (a quote inside a quoted field is written "")`,
        };
      }
      record.push(value);
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === 0x0a || c === 0x0d) break;
        end++;
      }
      record.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) {
      records.push(record);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) break;
    if (records.length > IMPORT_MAX_ROWS + 1) {
      return { error: `more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split the file` };
    }
  }
  if (records.length > IMPORT_MAX_ROWS + 1) {
    return { error: `more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split the file` };
  }
  return { records };
}

/** Whichever of comma, semicolon and tab the header line uses most outside quotes (a comma when none). */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  const best = ([';', '\t'] as const).find((d) => (counts[d] ?? 0) > (counts[','] ?? 0));
  return best ?? ',';
}

async function readXlsx(bytes: Uint8Array): Promise<ObservationSheet> {
  const fail = (message: string) => ({
    format: 'xlsx' as const,
    rowCount: 0,
    rows: [],
    columns: new Map(),
    errors: [issue(null, null, message)],
    decimalComma: false,
  });
  const unzipped = unzippedSize(bytes);
  if (unzipped === null) return fail('not a spreadsheet: the ZIP archive is damaged or not an .xlsx workbook');
  if (unzipped > MAX_UNZIPPED_BYTES) {
    return fail(`the workbook unpacks to more than ${MAX_UNZIPPED_BYTES / MB} MB: split it, or save it as CSV`);
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one of exactly the file's bytes.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch {
    return fail('not a spreadsheet: the file is a ZIP archive but not an .xlsx workbook');
  }
  const sheet = workbook.getWorksheet('observations') ?? workbook.worksheets[0];
  if (!sheet) return fail('not a spreadsheet: there is no worksheet in it');
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) {
    return fail(`more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split the file`);
  }
  const grid: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  const first = grid[0];
  if (first?.row !== 1) return fail('row 1 must name the columns (measurement_id, breakdown, year, …)');
  const rows = grid.slice(1);
  return { ...fromGrid('xlsx', first.cells, rows, false), rowCount: Math.max(0, sheet.actualRowCount - 1) };
}

/** A cell as text: numbers in their shortest exact form, formulas by their result, rich text joined. */
/** ExcelJS costs half a second to load, so only the requests that read or write a workbook pay for it. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

/**
 * The sum of the sizes a ZIP archive unpacks to, from its central directory; null when there is none.
 * Read before unpacking, so that a few kilobytes that inflate to gigabytes never reach memory.
 */
function unzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END = 0x06054b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    // 0xffffffff defers to a ZIP64 record: no spreadsheet of ours needs one, so it counts as too big.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let n = index;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Header names: case, spaces and hyphens do not matter ("Measurement ID" is measurement_id). */
function columnName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function fromGrid(
  format: FileFormat,
  header: string[],
  data: { row: number; cells: string[] }[],
  decimalComma: boolean,
): ObservationSheet {
  const errors: ImportError[] = [];
  const columns: (ObservationFileColumn | null)[] = [];
  const seen = new Map<string, number>();
  const named = new Map<ObservationFileColumn, number>();
  header.forEach((raw, i) => {
    const name = columnName(raw);
    if (name === '') {
      columns.push(null);
      return;
    }
    if (!KNOWN.has(name)) {
      errors.push(
        issue(1, columnLetter(i + 1), `unknown column "${raw.trim()}": the columns are ${[...KNOWN].join(', ')}`),
      );
    } else if (seen.has(name)) {
      errors.push(issue(1, columnLetter(i + 1), `"${name}" is also column ${columnLetter((seen.get(name) ?? 0) + 1)}`));
    }
    seen.set(name, i);
    const column = KNOWN.has(name) ? (name as ObservationFileColumn) : null;
    columns.push(column);
    if (column) named.set(column, i);
  });
  for (const name of REQUIRED) if (!seen.has(name)) errors.push(issue(1, null, `the column "${name}" is missing`));
  if (errors.length > 0) return { format, rowCount: data.length, rows: [], columns: named, errors, decimalComma };

  // The cells are trimmed where they are, in the grid the reader made for this: a plain loop, since a
  // callback made per row costs more than the rest of the row's work.
  for (const { row, cells } of data) {
    for (let i = 0; i < cells.length; i++) {
      const text = (cells[i] as string).trim();
      cells[i] = text;
      if (text !== '' && !columns[i]) {
        errors.push(issue(row, columnLetter(i + 1), 'a value in a column without a name'));
      }
    }
  }
  return { format, rowCount: data.length, rows: data, columns: named, errors, decimalComma };
}

// ── rows ────────────────────────────────────────────────────────────────────────────────────────────────

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** The value cell as an exact decimal, or why it is not one. */
function parseDecimal(text: string, decimalComma: boolean): { value: string } | { error: string } {
  if (text.endsWith('%')) return { error: `write the number alone (${text.slice(0, -1).trim()}), without %` };
  if (DECIMAL_COMMA.test(text)) {
    if (decimalComma) return { value: text.replace(',', '.') };
    return {
      error: `"${text}": write decimals with a point (a comma is read as a decimal mark only in semicolon-separated files)`,
    };
  }
  if (!DECIMAL.test(text) || text.length > 40) {
    return { error: `"${text}" is not a number (digits with an optional decimal point; no thousands separators)` };
  }
  if (!Number.isFinite(Number(text))) return { error: `"${text}" is too large` };
  return { value: text };
}

function parseYear(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1990 && year <= 2100 ? year : null;
}

/**
 * Typed rows with their keys. Rows without a value are skipped (a template's unknowns); a key that comes
 * twice is an error on its second row.
 */
export function parseRows(
  sheet: ObservationSheet,
  scope: FileScope,
): { rows: ParsedRow[]; skipped: number; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const rows: ParsedRow[] = [];
  const firstRowOf = new SeriesIndex<number>();
  let skipped = 0;
  // Made once, not per row: a large file has a hundred thousand rows.
  let row = 0;
  let cells: SheetRow['cells'] = [];
  const cell = (name: ObservationFileColumn) => {
    const i = sheet.columns.get(name);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const fail = (column: ObservationFileColumn, message: string) => errors.push(issue(row, column, message));
  for (const sheetRow of sheet.rows) {
    row = sheetRow.row;
    cells = sheetRow.cells;
    const valueText = cell('value');
    if (valueText === '') {
      skipped++;
      continue;
    }
    const before = errors.length;

    let city = cell('city').toLowerCase();
    let year: number | null = null;
    const yearText = cell('year');
    if (scope.kind === 'city') {
      if (city !== '' && city !== scope.city) fail('city', `"${city}" is not ${scope.city}, the city of this import`);
      city = scope.city;
      year = yearText === '' ? scope.year : parseYear(yearText);
      if (year !== scope.year) {
        fail('year', `"${yearText}" is not the year of this import: write ${scope.year} or leave it empty`);
      }
    } else {
      if (city === '') fail('city', 'give the city (its slug, as in the network directory)');
      year = parseYear(yearText);
      if (year === null) fail('year', yearText === '' ? 'give the reference year' : `"${yearText}" is not a year`);
    }

    const measurementId = cell('measurement_id').toLowerCase();
    if (measurementId === '') fail('measurement_id', 'give the measurement id (e.g. 1.1.1a)');
    else if (measurementId.length > MAX_TEXT.measurement_id) fail('measurement_id', 'is too long for a measurement id');
    const breakdown = cell('breakdown').toLowerCase() || TOTAL;

    const parsed = parseDecimal(valueText, sheet.decimalComma);
    if ('error' in parsed) fail('value', parsed.error);

    const unit = cell('unit').toLowerCase() || undefined;
    const source = cell('source');
    if (source === '') fail('source', 'say where the figure comes from (office or survey, publication, date)');
    else if (source.length > MAX_TEXT.source) fail('source', `is longer than ${MAX_TEXT.source} characters`);
    const note = cell('note');
    if (note.length > MAX_TEXT.note) fail('note', `is longer than ${MAX_TEXT.note} characters`);

    let electionYear: number | null = null;
    const electionText = cell('election_year');
    if (electionText !== '') {
      electionYear = /^\d{4}$/.test(electionText) ? Number(electionText) : null;
      if (electionYear === null) fail('election_year', `"${electionText}" is not a year`);
    }

    if (measurementId !== '' && year !== null) {
      const series = firstRowOf.seriesFor(city, year, measurementId);
      const first = series.get(breakdown);
      if (first !== undefined) {
        fail('measurement_id', `${measurementId} (${breakdown}) for ${year} is already on row ${first}`);
      } else {
        series.set(breakdown, row);
      }
    }
    if (errors.length > before || year === null || 'error' in parsed) continue;
    rows.push({
      row,
      city,
      year,
      measurementId,
      breakdown,
      value: parsed.value,
      unit,
      source,
      note: note === '' ? null : note,
      electionYear,
    });
  }
  return { rows, skipped, errors };
}

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Something per city, year, measurement and breakdown, in nested maps: a large file is looked up hundreds of
 * thousands of times, and no key string is built for it.
 */
export class SeriesIndex<T> {
  private readonly cities = new Map<string, Map<number, Map<string, Map<string, T>>>>();

  /** The breakdowns of one series (city, year, measurement), if any. */
  series(city: string, year: number, measurementId: string): Map<string, T> | undefined {
    return this.cities.get(city)?.get(year)?.get(measurementId);
  }

  /** The breakdowns of one series, created empty when there are none yet. */
  seriesFor(city: string, year: number, measurementId: string): Map<string, T> {
    let years = this.cities.get(city);
    if (!years) {
      years = new Map();
      this.cities.set(city, years);
    }
    let measurements = years.get(year);
    if (!measurements) {
      measurements = new Map();
      years.set(year, measurements);
    }
    let series = measurements.get(measurementId);
    if (!series) {
      series = new Map();
      measurements.set(measurementId, series);
    }
    return series;
  }
}
const RULE_COLUMNS: Record<string, ObservationFileColumn> = {
  value: 'value',
  unit: 'unit',
  breakdown: 'breakdown',
  electionYear: 'election_year',
};

/**
 * Check every row against its measurement with the rules manual entry uses (errors refuse the file), and
 * against its neighbours after the import (warnings: the same year's other breakdowns, last year's value,
 * the file's own values taking precedence over what is stored).
 */
export function checkRows(
  rows: readonly ParsedRow[],
  measurementOf: (row: ParsedRow) => RulesMeasurement | undefined,
  stored: readonly StoredValue[],
): { rows: ParsedRow[]; errors: ImportError[]; warnings: ImportWarning[] } {
  const errors: ImportError[] = [];
  const warnings: ImportWarning[] = [];
  const valid: ParsedRow[] = [];
  // The values after the import: the store first, the file over it.
  const values = new SeriesIndex<number>();
  for (const s of stored) values.seriesFor(s.city, s.year, s.measurementId).set(s.breakdown, s.value);
  for (const r of rows) values.seriesFor(r.city, r.year, r.measurementId).set(r.breakdown, Number(r.value));

  for (const r of rows) {
    const measurement = measurementOf(r);
    if (!measurement) {
      errors.push(
        issue(
          r.row,
          'measurement_id',
          `no measurement "${r.measurementId}" in the Key Features or the city's local measurements`,
        ),
      );
      continue;
    }
    const check = checkObservation(
      measurement,
      { breakdown: r.breakdown, value: Number(r.value), unit: r.unit, electionYear: r.electionYear },
      {
        year: r.year,
        // The row's own value is in it too, under its breakdown: the rules read the draft's in its place.
        sameYear: values.series(r.city, r.year, r.measurementId) ?? NONE,
        previousYear: values.series(r.city, r.year - 1, r.measurementId)?.get(r.breakdown),
      },
    );
    for (const e of check.errors) errors.push(issue(r.row, RULE_COLUMNS[e.field] ?? e.field, e.message));
    const strayElectionYear = r.electionYear !== null && !ELECTION_MEASUREMENTS.has(r.measurementId);
    if (strayElectionYear) {
      errors.push(issue(r.row, 'election_year', 'only election turnout (1.1.2a) names an election year'));
    }
    if (check.errors.length > 0 || strayElectionYear) continue;
    valid.push(r);
    for (const w of check.warnings) {
      // A total outside its parts is one question, asked (and confirmed) once: on the total.
      if (w.code === 'total-outside-parts' && r.breakdown !== TOTAL) continue;
      warnings.push({
        row: r.row,
        city: r.city,
        year: r.year,
        measurementId: r.measurementId,
        breakdown: r.breakdown,
        code: w.code,
        message: w.message,
      });
    }
  }
  return { rows: valid, errors, warnings };
}

/** Errors in the order a person fixes them: by row, the file's own first. */
export function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

// ── writing ─────────────────────────────────────────────────────────────────────────────────────────────

/** The export's columns, in order: the file format's own, then the measurement's name as a hint. */
export const EXPORT_COLUMNS: readonly ObservationFileColumn[] = [...OBSERVATION_FILE_COLUMNS, HINT];

/**
 * Write rows as CSV (UTF-8 with a byte-order mark, so spreadsheets read accents right) or XLSX (one sheet,
 * "observations", values as numbers where a number keeps every digit).
 */
export async function writeObservationFile(rows: readonly FileRow[], format: FileFormat): Promise<Buffer> {
  if (format === 'csv') {
    return Buffer.from(
      stringify(
        rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? '')),
        { bom: true, header: true, columns: [...EXPORT_COLUMNS] },
      ),
    );
  }
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('observations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'source' || c === 'note' || c === HINT ? 40 : c === 'breakdown' ? 28 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const value = r.value;
    sheet.addRow({ ...r, value: typeof value === 'string' && keepsDigits(value) ? Number(value) : value });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Whether a decimal survives being a spreadsheet number (a double): '96.25' does, 0.1 + 20 digits does not. */
function keepsDigits(decimal: string): boolean {
  const n = Number(decimal);
  return Number.isFinite(n) && normalizeDecimal(String(n)) === normalizeDecimal(decimal);
}

function normalizeDecimal(text: string): string {
  let t = text.replace(/^\+/, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}
