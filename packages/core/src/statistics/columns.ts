import { SurveyDataError, SurveyDesignError } from './errors.ts';

/** A numeric column: `NaN` marks a missing value. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly values: Float64Array;
}

/** A categorical column: `codes[i]` indexes `levels`, and −1 marks a missing value. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/**
 * A column as the engine accepts it: typed (numeric or categorical), or the text of a CSV column, where an
 * empty cell is a missing value and the engine reads numbers or categories from the text as a role needs.
 */
export type SurveyColumn = NumericColumn | CategoricalColumn | readonly string[];

function isText(column: SurveyColumn): column is readonly string[] {
  return Array.isArray(column);
}

/** Survey answers, one column per variable, every column `rowCount` long. */
export interface SurveyData {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, SurveyColumn>>;
}

/**
 * A numeric column from numbers, `null`/`NaN` meaning missing.
 * @example numericColumn([12.5, null, 3]) // { kind: 'numeric', values: Float64Array [12.5, NaN, 3] }
 */
export function numericColumn(values: ArrayLike<number | null>): NumericColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? Number.NaN;
  return { kind: 'numeric', values: out };
}

/**
 * A categorical column from labels, `null` or `''` meaning missing.
 * @example categoricalColumn(['F', 'M', null, 'F']).codes // Int32Array [0, 1, -1, 0]
 */
export function categoricalColumn(values: ArrayLike<string | null>): CategoricalColumn {
  const codes = new Int32Array(values.length);
  const levels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || value === '') {
      codes[i] = -1;
      continue;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = levels.length;
      levels.push(value);
      index.set(value, code);
    }
    codes[i] = code;
  }
  return { kind: 'categorical', codes, levels };
}

// A plain decimal number: no hexadecimal, no "Infinity", no thousands separators that would change a value.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Orders category labels as a person expects: numbers by value, other labels by their text.
 * @example ['10', '9', 'b', 'a'].sort(compareLabels) // ['9', '10', 'a', 'b']
 */
export function compareLabels(a: string, b: string): number {
  const x = NUMBER.test(a) ? Number(a) : Number.NaN;
  const y = NUMBER.test(b) ? Number(b) : Number.NaN;
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatNumberLabel(value: number): string {
  return String(value);
}

/**
 * The data with each column converted once per role (numbers or categories) and the conversion kept, so a
 * column used by several estimates is read once. Errors name the column, its role and the first bad row
 * (rows count from 1, the header not included).
 */
export class SurveyTable {
  readonly rowCount: number;
  private readonly columns: Readonly<Record<string, SurveyColumn>>;
  private readonly numbers = new Map<string, Float64Array>();
  private readonly categories = new Map<string, CategoricalColumn>();

  constructor(data: SurveyData) {
    this.rowCount = data.rowCount;
    this.columns = data.columns;
    for (const [name, column] of Object.entries(data.columns)) {
      const length = isText(column)
        ? column.length
        : column.kind === 'numeric'
          ? column.values.length
          : column.codes.length;
      if (length !== data.rowCount) {
        throw new SurveyDataError(
          `column '${name}' has ${length} values but the data have ${data.rowCount} rows`,
          name,
        );
      }
    }
  }

  /** The column names, in the order the data gave them. */
  names(): string[] {
    return Object.keys(this.columns);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.columns, name);
  }

  private raw(name: string, role: string): SurveyColumn {
    if (!this.has(name)) {
      const known = this.names();
      const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
      throw new SurveyDesignError(`${role} names column '${name}', which is not in the data (columns: ${list})`, name);
    }
    return this.columns[name] as SurveyColumn;
  }

  /** The column as numbers (`NaN` = missing); a cell that is not a number is an error naming it. */
  numeric(name: string, role: string): Float64Array {
    const cached = this.numbers.get(name);
    if (cached) return cached;
    const column = this.raw(name, role);
    let values: Float64Array;
    if (isText(column)) {
      const text = column;
      values = new Float64Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const cell = (text[i] ?? '').trim();
        if (cell === '') {
          values[i] = Number.NaN;
        } else if (NUMBER.test(cell)) {
          values[i] = Number(cell);
        } else {
          const hint = /^[+-]?\d+,\d+$/.test(cell) ? ' (write decimals with a point)' : '';
          throw new SurveyDataError(`column '${name}' (${role}), row ${i + 1}: '${cell}' is not a number${hint}`, name);
        }
      }
    } else if (column.kind === 'numeric') {
      values = column.values;
    } else {
      throw new SurveyDataError(`column '${name}' (${role}) is categorical, not numeric`, name);
    }
    this.numbers.set(name, values);
    return values;
  }

  /** The column as category codes (−1 = missing); numbers become their decimal text. */
  categorical(name: string, role: string): CategoricalColumn {
    const cached = this.categories.get(name);
    if (cached) return cached;
    const column = this.raw(name, role);
    let result: CategoricalColumn;
    if (isText(column)) {
      result = categoricalColumn(column);
    } else if (column.kind === 'categorical') {
      result = column;
    } else {
      const values = column.values;
      const labels: (string | null)[] = new Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as number;
        labels[i] = Number.isNaN(v) ? null : formatNumberLabel(v);
      }
      result = categoricalColumn(labels);
    }
    this.categories.set(name, result);
    return result;
  }
}
