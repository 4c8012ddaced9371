import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Database } from './client.ts';

/** The column types a bulk load fills (the casts of the `unnest` fallback). */
export type BulkType = 'uuid' | 'int' | 'text' | 'numeric' | 'boolean' | 'timestamptz';

/** A value as it goes in: exact decimals and timestamps as text; null for NULL. */
export type BulkValue = string | number | boolean | null;

/** One column of the target table, and where a row keeps its value. */
export interface BulkColumn<T> {
  name: string;
  type: BulkType;
  of: (row: T) => BulkValue;
}

/** A column that takes one value in every row (provenance, timestamp, author of a load). */
export interface BulkConstant {
  name: string;
  type: BulkType;
  value: BulkValue;
}

/** The part of PGlite (or of its transaction) a COPY needs: a query that may read a blob as `/dev/blob`. */
interface BlobQueryClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** Rows per `unnest` statement on PostgreSQL: set-based, with each statement's arrays kept modest. */
const UNNEST_CHUNK = 25_000;

/**
 * Append rows to a table: a temporary staging table that set-based statements then read, or the target
 * itself (DESIGN §5). On the embedded engine the rows go in as one COPY from an in-memory blob: passing a
 * hundred thousand rows as array parameters costs more in serializing and parsing the arrays (about 0.7 s)
 * than the COPY takes to load them (about 0.4 s). On PostgreSQL (node-postgres has no COPY without another
 * dependency) they go in as `insert … select from unnest(…)`, which is fast there. Columns whose value is the
 * same in every row (`constants`) are written once per row as text already made, and on PostgreSQL passed once.
 */
export async function bulkLoad<T>(
  db: Database,
  table: string,
  columns: readonly BulkColumn<T>[],
  rows: readonly T[],
  constants: readonly BulkConstant[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const pglite = pgliteClient(db);
  if (pglite) {
    const names = [...columns, ...constants].map((c) => quoteIdentifier(c.name)).join(', ');
    await pglite.query(`copy ${quoteIdentifier(table)} (${names}) from '/dev/blob'`, [], {
      blob: new Blob([copyText(columns, rows, constants)]),
    });
    return;
  }
  const names = [...columns, ...constants].map((c) => sql.identifier(c.name));
  const fixed = constants.map((c) => sql`, ${c.value}::${sql.raw(c.type)}`);
  for (let start = 0; start < rows.length; start += UNNEST_CHUNK) {
    const chunk = rows.slice(start, start + UNNEST_CHUNK);
    const arrays = columns.map((c) => sql`${sql.param(chunk.map(c.of))}::${sql.raw(c.type)}[]`);
    await db.execute(sql`
      insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)})
      select *${sql.join(fixed, sql``)} from unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/**
 * The PGlite client (the engine, or the transaction in progress) under a drizzle database, or null on
 * PostgreSQL. Drizzle does not expose it, and COPY needs it for the blob: `_.session` is drizzle's public
 * handle on the session, whose `client` field (private in its types) holds what its queries go to.
 */
function pgliteClient(db: Database): BlobQueryClient | null {
  const session = db._.session;
  if (!is(session, PgliteSession)) return null;
  return (session as unknown as { client: BlobQueryClient }).client;
}

/**
 * Rows in COPY's text format: tab between columns, newline after each row, `\N` for NULL, and a backslash
 * before the backslash, tab, newline and carriage return inside a value (so that `\N` written in a cell stays
 * text, not NULL). The constants follow the columns, in every row.
 */
export function copyText<T>(
  columns: readonly BulkColumn<T>[],
  rows: readonly T[],
  constants: readonly BulkConstant[] = [],
): string {
  const lines: string[] = new Array(rows.length);
  // One array of cells joined per row: about twice as fast as adding the cells to a string one by one. The
  // constants are one cell made once.
  const cells: string[] = new Array(columns.length + (constants.length > 0 ? 1 : 0));
  if (constants.length > 0) cells[columns.length] = constants.map((c) => copyCell(c.value)).join('\t');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as T;
    for (let c = 0; c < columns.length; c++) cells[c] = copyCell((columns[c] as BulkColumn<T>).of(row));
    lines[i] = cells.join('\t');
  }
  return `${lines.join('\n')}\n`;
}

function copyCell(value: BulkValue): string {
  return value === null ? '\\N' : typeof value === 'string' ? escapeCopy(value) : copyScalar(value);
}

function copyScalar(value: number | boolean): string {
  return typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
}

const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopy(text: string): string {
  // Most values need nothing: look before building a new string.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c || c === 0x09 || c === 0x0a || c === 0x0d) {
      return text.replace(/[\\\t\n\r]/g, (s) => ESCAPED[s] as string);
    }
  }
  return text;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
