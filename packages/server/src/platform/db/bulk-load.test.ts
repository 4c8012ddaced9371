import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../testing/database.ts';
import { type BulkColumn, type BulkConstant, bulkLoad, copyText } from './bulk-load.ts';
import type { DatabaseHandle } from './client.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await testDatabase();
});
afterAll(async () => handle.close());

interface Probe {
  id: number;
  text: string | null;
  amount: string | null;
  flag: boolean | null;
  ref: string | null;
  at: string | null;
}

const COLUMNS: BulkColumn<Probe>[] = [
  { name: 'id', type: 'int', of: (p) => p.id },
  { name: 'text', type: 'text', of: (p) => p.text },
  { name: 'amount', type: 'numeric', of: (p) => p.amount },
  { name: 'flag', type: 'boolean', of: (p) => p.flag },
  { name: 'ref', type: 'uuid', of: (p) => p.ref },
  { name: 'at', type: 'timestamptz', of: (p) => p.at },
];

/** Text a spreadsheet cell can hold that means something to COPY, CSV or SQL. */
const HOSTILE = [
  'tab\there',
  'new\nline',
  'carriage\rreturn\r\n',
  'back\\slash\\',
  '\\N',
  '\\.',
  '\\',
  '"double" and \'single\' quotes, a comma, a semicolon;',
  "'); drop table observations; --",
  '',
  '  spaces kept  ',
  'Ελληνικά, العربية, 中文, 😀, e\u0301',
  '\\t is not a tab',
];

async function probeTable(name: string) {
  await handle.db.execute(
    sql`create table ${sql.identifier(name)} (id int, text text, amount numeric, flag boolean, ref uuid, at timestamptz)`,
  );
}

async function readBack(name: string): Promise<Probe[]> {
  const result = await handle.db.execute(sql`
    select id, text, amount::text as amount, flag, ref::text as ref,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
    from ${sql.identifier(name)} order by id`);
  return (result as unknown as { rows: Probe[] }).rows.map((r) => ({ ...r, id: Number(r.id) }));
}

describe('bulkLoad', () => {
  it('round-trips text exactly: tabs, newlines, backslashes, a literal \\N, quotes and any script, apart from NULL', async () => {
    await probeTable('probe_text');
    const rows: Probe[] = HOSTILE.map((text, id) => ({ id, text, amount: null, flag: null, ref: null, at: null }));
    rows.push({ id: rows.length, text: null, amount: null, flag: null, ref: null, at: null });
    await bulkLoad(handle.db, 'probe_text', COLUMNS, rows);
    expect(await readBack('probe_text')).toEqual(rows);
  });

  it('keeps every digit of a decimal, and writes booleans, uuids and timestamps', async () => {
    await probeTable('probe_types');
    const rows: Probe[] = [
      {
        id: 1,
        text: 'a',
        amount: '0.1000000000000000000001',
        flag: true,
        ref: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f',
        at: '2026-12-04T12:34:56.789Z',
      },
      { id: 2, text: 'b', amount: '-12345678901234567890', flag: false, ref: null, at: null },
    ];
    await bulkLoad(handle.db, 'probe_types', COLUMNS, rows);
    expect(await readBack('probe_types')).toEqual(rows);
  });

  it('loads more rows than one statement takes, inside a transaction into a temporary table', async () => {
    type Numbered = { id: number; label: string };
    const columns: BulkColumn<Numbered>[] = [
      { name: 'id', type: 'int', of: (r) => r.id },
      { name: 'label', type: 'text', of: (r) => r.label },
    ];
    const count = 30_001;
    const rows = Array.from({ length: count }, (_, id) => ({ id, label: `row ${id}\t` }));
    const loaded = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table probe_many (id int, label text) on commit drop`);
      await bulkLoad(tx, 'probe_many', columns, rows);
      const result = await tx.execute(
        sql`select count(*)::int as n, sum(id)::text as total, max(label) as last from probe_many`,
      );
      return (result as unknown as { rows: { n: number; total: string; last: string }[] }).rows[0];
    });
    expect(loaded).toEqual({ n: count, total: String((count * (count - 1)) / 2), last: 'row 9999\t' });
  });

  it('writes the constants in every row, after the columns', async () => {
    await probeTable('probe_constants');
    const constants: BulkConstant[] = [
      { name: 'flag', type: 'boolean', value: true },
      { name: 'at', type: 'timestamptz', value: '2026-12-04T12:34:56.789Z' },
      { name: 'ref', type: 'uuid', value: null },
      { name: 'amount', type: 'numeric', value: '0.1000000000000000000001' },
    ];
    const rows: Probe[] = HOSTILE.slice(0, 3).map((text, id) => ({
      id,
      text,
      amount: null,
      flag: null,
      ref: 'ignored',
      at: null,
    }));
    await bulkLoad(handle.db, 'probe_constants', COLUMNS.slice(0, 2), rows, constants);
    expect(await readBack('probe_constants')).toEqual(
      rows.map((r) => ({
        ...r,
        flag: true,
        at: '2026-12-04T12:34:56.789Z',
        ref: null,
        amount: '0.1000000000000000000001',
      })),
    );
  });

  it('does nothing with no rows', async () => {
    await probeTable('probe_none');
    await bulkLoad(handle.db, 'probe_none', COLUMNS, []);
    expect(await readBack('probe_none')).toEqual([]);
  });
});

describe('copyText', () => {
  it('writes COPY’s text format: tabs between columns, \\N for NULL, backslash escapes inside values', () => {
    const row: Probe = { id: 7, text: 'a\tb\nc\\N', amount: '1.50', flag: false, ref: null, at: null };
    expect(copyText(COLUMNS, [row])).toBe('7\ta\\tb\\nc\\\\N\t1.50\tf\t\\N\t\\N\n');
  });

  it('writes the constants after the columns, escaped the same way', () => {
    const rows = [{ id: 1 }, { id: 2 }];
    const constants: BulkConstant[] = [
      { name: 'text', type: 'text', value: 'a\tb' },
      { name: 'flag', type: 'boolean', value: true },
      { name: 'ref', type: 'uuid', value: null },
    ];
    expect(copyText([{ name: 'id', type: 'int', of: (r: { id: number }) => r.id }], rows, constants)).toBe(
      '1\ta\\tb\tt\t\\N\n2\ta\\tb\tt\t\\N\n',
    );
  });
});
