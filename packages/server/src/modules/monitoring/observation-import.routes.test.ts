import { createHash } from 'node:crypto';
import {
  allMeasurements,
  breakdownKeys,
  CycleDetailSchema,
  IMPORT_MAX_BYTES,
  ImportProblemSchema,
  type ImportSummary,
  ImportSummarySchema,
} from '@lco/core';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { Agent, cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { cycleEvents, cycles, observations } from './cycle.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const HEADER = ['measurement_id', 'breakdown', 'year', 'value', 'unit', 'source', 'note'];
const base = (city: string, year: number) => `/api/v1/cities/${city}/cycles/${year}`;
const csv = (rows: (string | number)[][], header = HEADER) =>
  Buffer.from(`${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);

/** A multipart/form-data body with one file, as a browser's form sends it. */
function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----lco${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(agent: Agent, url: string, fileName: string, content: Buffer) {
  const { body, headers } = multipart(fileName, content);
  return agent.request('POST', url, body, { headers });
}

async function team(city: string) {
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city }] });
  const editor = await signedIn(t.app, { grants: [{ role: 'city-editor', city }] });
  const secretariat = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
  return { coordinator: coordinator.agent, editor: editor.agent, secretariat: secretariat.agent };
}

/** Everything an import could change, to show that a refused one changed nothing. */
async function snapshot() {
  return {
    observations: await t.app.db
      .select()
      .from(observations)
      .orderBy(
        asc(observations.cityId),
        asc(observations.year),
        asc(observations.measurementId),
        asc(observations.breakdown),
      ),
    cycles: await t.app.db.select().from(cycles).orderBy(asc(cycles.cityId), asc(cycles.year)),
    events: await t.app.db.$count(cycleEvents),
    audit: await t.app.db.$count(auditLog),
  };
}

async function stored(city: string, year: number) {
  return t.app.db
    .select()
    .from(observations)
    .where(and(eq(observations.cityId, await cityId(t.app, city)), eq(observations.year, year)))
    .orderBy(asc(observations.measurementId), asc(observations.breakdown));
}

const summaryOf = (res: { json(): unknown }): ImportSummary => ImportSummarySchema.parse(res.json());

const LITERACY = [
  ['1.1.1a', 'total', 2023, '96.25', 'percent', 'Census 2021', 'Adults 15+'],
  ['1.1.1a', 'sex:male', 2023, '95.5', 'percent', 'Census 2021', ''],
  ['1.1.1a', 'sex:female', 2023, '97', 'percent', 'Census 2021', ''],
];

describe('importing a city’s values', () => {
  it('opens a draft for a new year, saves the values exactly with provenance "import", and audits the file once', async () => {
    const { editor } = await team('cork');
    const file = csv(LITERACY);
    const res = await upload(editor, `${base('cork', 2023)}/import`, 'cork-2023.csv', file);
    expect(res.statusCode).toBe(200);
    expect(summaryOf(res)).toMatchObject({
      file: 'cork-2023.csv',
      format: 'csv',
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      openedCycles: [{ city: 'cork', year: 2023 }],
      warnings: [],
      errors: [],
    });
    const detail = CycleDetailSchema.parse((await editor.get(base('cork', 2023))).json());
    expect(detail.state).toBe('draft');
    expect(detail.history.map((h) => h.to)).toEqual(['draft']);
    expect(detail.observations.map((o) => [o.breakdown, o.value, o.provenance, o.version, o.note])).toEqual([
      ['sex:female', '97', 'import', 1, null],
      ['sex:male', '95.5', 'import', 1, null],
      ['total', '96.25', 'import', 1, 'Adults 15+'],
    ]);
    const records = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'observation.import'), eq(auditLog.scopeId, await cityId(t.app, 'cork'))));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      resourceType: 'observations',
      resourceId: 'cork/2023',
      after: {
        file: 'cork-2023.csv',
        sha256: createHash('sha256').update(file).digest('hex'),
        cycles: [{ year: 2023, opened: true, inserted: 3, updated: 0, unchanged: 0 }],
      },
    });
  });

  it('changes nothing when the same file comes again: every row unchanged, no new version, no audit record', async () => {
    const { editor } = await team('limerick');
    const file = csv(LITERACY);
    await upload(editor, `${base('limerick', 2023)}/import`, 'a.csv', file);
    const before = await snapshot();
    const again = await upload(editor, `${base('limerick', 2023)}/import`, 'a.csv', file);
    expect(summaryOf(again)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, openedCycles: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('updates a value that differs: its version goes up and its warnings need confirming again', async () => {
    const { editor } = await team('swansea');
    const saved = await editor.request('PUT', `${base('swansea', 2023)}/observations/1.1.1a/total`, {
      value: 96.25,
      sourceDetail: 'Census 2021',
      confirmWarnings: true,
      expectedVersion: null,
    });
    expect(saved.statusCode).toBe(200);
    const res = await upload(
      editor,
      `${base('swansea', 2023)}/import`,
      'b.csv',
      csv([
        ['1.1.1a', 'total', 2023, '96.250', 'percent', 'Census 2021', ''], // the same number, written differently
        ['1.2.2a', 'total', '', '4.1', '', 'Labour Force Survey', ''],
      ]),
    );
    expect(summaryOf(res)).toMatchObject({ inserted: 1, updated: 0, unchanged: 1 });
    const changed = await upload(
      editor,
      `${base('swansea', 2023)}/import`,
      'c.csv',
      csv([['1.1.1a', 'total', 2023, '95', 'percent', 'Census 2021', 'revised']]),
    );
    expect(summaryOf(changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const [row] = (await stored('swansea', 2023)).filter((o) => o.measurementId === '1.1.1a');
    expect(row).toMatchObject({
      value: '95',
      version: 2,
      provenance: 'import',
      note: 'revised',
      warningsConfirmed: false,
    });
  });

  it('is all or nothing: an error in the last row of an otherwise valid template changes nothing, not even the cycle', async () => {
    const { editor } = await team('espoo');
    const rows = allMeasurements().flatMap((m) =>
      breakdownKeys(m).map((b) => [
        m.id,
        b,
        2024,
        m.unit === 'rating-1-5' ? '3' : '40',
        m.unit,
        'Statistics Finland',
        '',
      ]),
    );
    const election = rows.findIndex((r) => r[0] === '1.1.2a');
    const header = [...HEADER, 'election_year'];
    const good = rows.map((r, i) => [...r, i === election ? '2021' : '']);
    const bad = good.map((r, i) => (i === good.length - 1 ? [...r.slice(0, 3), '-5', ...r.slice(4)] : r));
    const before = await snapshot();
    const res = await upload(editor, `${base('espoo', 2024)}/import`, 'espoo.csv', csv(bad, header));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = ImportProblemSchema.parse(res.json());
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: `row ${good.length + 1}, column value`, row: good.length + 1, column: 'value' }),
    ]);
    expect(problem.summary).toMatchObject({ rows: 78, inserted: 0, updated: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await editor.get(base('espoo', 2024))).statusCode).toBe(404);

    const fixed = await upload(editor, `${base('espoo', 2024)}/import`, 'espoo.csv', csv(good, header));
    expect(summaryOf(fixed)).toMatchObject({ rows: 78, inserted: 78, errors: [] });
  });

  it('answers a file with errors with every error, its row and column, and nothing changes', async () => {
    const { editor } = await team('bristol');
    const before = await snapshot();
    const res = await upload(
      editor,
      `${base('bristol', 2023)}/import`,
      'bad.csv',
      csv([
        ['1.1.1a', 'total', 2023, '120', 'percent', 'Census', ''], // out of range
        ['1.1.4a', 'total', 2023, '1200', 'count', 'Police', ''], // wrong unit
        ['9.9.9z', 'total', 2023, '1', '', 'Nowhere', ''], // no such measurement
        ['1.2.3b', 'sex:female', 2023, '1', '', 'Register', ''], // a breakdown it lacks
        ['1.2.2a', 'total', 2022, '4', '', 'LFS', ''], // another year
        ['1.2.2a', 'total', 2023, '4', '', 'LFS', ''],
        ['1.2.2a', 'total', 2023, '5', '', 'LFS', ''], // the same row twice
      ]),
    );
    expect(res.statusCode).toBe(422);
    const problem = ImportProblemSchema.parse(res.json());
    expect(problem.errors.map((e) => e.field)).toEqual([
      'row 2, column value',
      'row 3, column unit',
      'row 4, column measurement_id',
      'row 5, column breakdown',
      'row 6, column year',
      'row 8, column measurement_id',
    ]);
    expect(problem.detail).toMatch(/^6 errors in bad\.csv: nothing was imported\./);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file with a missing or unknown column, naming them', async () => {
    const { editor } = await team('bristol');
    const res = await upload(
      editor,
      `${base('bristol', 2023)}/import`,
      'cols.csv',
      csv([['1.1.1a', 'total', 2023, '96']], ['measurement_id', 'breakdown', 'year', 'valeu', 'unit', 'note']),
    );
    const problem = ImportProblemSchema.parse(res.json());
    expect(problem.errors.map((e) => [e.field, e.message])).toEqual(
      expect.arrayContaining([
        ['row 1, column D', expect.stringContaining('unknown column "valeu"')],
        ['row 1', 'the column "value" is missing'],
        ['row 1', 'the column "source" is missing'],
      ]),
    );
  });

  it('saves values with warnings unconfirmed, lists the warnings by row, and they block submitting', async () => {
    const { editor, coordinator } = await team('larissa');
    const res = await upload(
      editor,
      `${base('larissa', 2023)}/import`,
      'warn.csv',
      csv([
        ['1.1.1a', 'sex:male', 2023, '90', 'percent', 'Census', ''],
        ['1.1.1a', 'sex:female', 2023, '94', 'percent', 'Census', ''],
        ['1.1.1a', 'total', 2023, '97', 'percent', 'Census', ''],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(summaryOf(res).warnings).toEqual([
      expect.objectContaining({ row: 4, measurementId: '1.1.1a', breakdown: 'total', code: 'total-outside-parts' }),
    ]);
    expect((await stored('larissa', 2023)).every((o) => !o.warningsConfirmed)).toBe(true);
    const submit = await coordinator.post(`${base('larissa', 2023)}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(submit.json()).toMatchObject({ detail: expect.stringContaining('1.1.1a (total)') });
  });

  it('warns against stored values the file does not give: last year, and the same year’s other breakdowns', async () => {
    const { editor } = await team('gelsenkirchen');
    const put = async (year: number, rows: (string | number)[][]) =>
      summaryOf(await upload(editor, `${base('gelsenkirchen', year)}/import`, `${year}.csv`, csv(rows)));
    const census = (breakdown: string, year: number, value: string) => [
      '1.1.1a',
      breakdown,
      year,
      value,
      'percent',
      'Census',
      '',
    ];
    expect((await put(2022, [census('sex:male', 2022, '89'), census('sex:female', 2022, '91')])).warnings).toEqual([]);
    // 2023 lacks 2022's values in the file: last year's come from the store (29 and 30 points is implausible).
    expect((await put(2023, [census('sex:male', 2023, '60'), census('sex:female', 2023, '61')])).warnings).toEqual([
      expect.objectContaining({ row: 2, breakdown: 'sex:male', code: 'implausible-change' }),
      expect.objectContaining({ row: 3, breakdown: 'sex:female', code: 'implausible-change' }),
    ]);
    // A total alone: its parts are the stored ones of the same year.
    expect((await put(2023, [census('total', 2023, '70')])).warnings).toEqual([
      expect.objectContaining({ row: 2, breakdown: 'total', code: 'total-outside-parts' }),
    ]);
  });

  it('counts in a dry run what an import would do, and changes nothing', async () => {
    const { editor } = await team('belfast');
    const before = await snapshot();
    const res = await upload(editor, `${base('belfast', 2023)}/import?dryRun=true`, 'dry.csv', csv(LITERACY));
    expect(summaryOf(res)).toMatchObject({
      dryRun: true,
      inserted: 3,
      openedCycles: [{ city: 'belfast', year: 2023 }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('reads XLSX, and refuses a file called .xlsx that is not a spreadsheet', async () => {
    const { editor } = await team('glasgow');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow(HEADER);
    sheet.addRow(['1.2.2a', 'total', 2023, 4.1, 'percent', 'Labour Force Survey', null]);
    const res = await upload(
      editor,
      `${base('glasgow', 2023)}/import`,
      'glasgow.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(summaryOf(res)).toMatchObject({ format: 'xlsx', inserted: 1 });
    const fake = await upload(
      editor,
      `${base('glasgow', 2023)}/import`,
      'fake.xlsx',
      Buffer.from('%PDF-1.7 not a sheet'),
    );
    expect(fake.statusCode).toBe(422);
    expect(ImportProblemSchema.parse(fake.json()).errors).toEqual([
      expect.objectContaining({ field: 'file', message: expect.stringContaining('fake.xlsx is not a spreadsheet') }),
    ]);
  });

  it('refuses an import into a submitted or accepted cycle (409), changing nothing', async () => {
    const { editor, coordinator, secretariat } = await team('dublin');
    await upload(
      editor,
      `${base('dublin', 2022)}/import`,
      'a.csv',
      csv([['1.2.2a', 'total', 2022, '4', '', 'LFS', '']]),
    );
    expect((await coordinator.post(`${base('dublin', 2022)}/submit`)).statusCode).toBe(200);
    const before = await snapshot();
    const file = csv([['1.2.2a', 'total', 2022, '5', '', 'LFS', '']]);
    const submitted = await upload(editor, `${base('dublin', 2022)}/import`, 'b.csv', file);
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json()).toMatchObject({
      detail: 'The 2022 cycle of Dublin is submitted: it cannot be changed by an import.',
    });
    expect((await secretariat.post(`${base('dublin', 2022)}/accept`)).statusCode).toBe(200);
    const accepted = await upload(editor, `${base('dublin', 2022)}/import`, 'b.csv', file);
    expect(accepted.statusCode).toBe(409);
    const after = await snapshot();
    expect(after.observations).toEqual(before.observations);
  });

  it('lets only the city team import: another city’s coordinator, the National Commission and the secretariat get 403, anonymous 401', async () => {
    const file = csv(LITERACY);
    const strangers = [];
    for (const grants of [
      [{ role: 'city-coordinator' as const, city: 'cork' }],
      [{ role: 'natcom' as const, country: 'IE' }],
      [{ role: 'secretariat' as const }],
    ]) {
      strangers.push((await signedIn(t.app, { grants })).agent);
    }
    const before = await snapshot();
    for (const agent of strangers) {
      expect((await upload(agent, `${base('limerick', 2025)}/import`, 'x.csv', file)).statusCode).toBe(403);
    }
    const anonymous = await upload(new Agent(t.app), `${base('limerick', 2025)}/import`, 'x.csv', file);
    expect(anonymous.statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over 20 MB with 413 and a clear message, and a request without a file with 400', async () => {
    const { editor } = await team('cork');
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1024, 0x41);
    const res = await upload(editor, `${base('cork', 2026)}/import`, 'big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ detail: expect.stringContaining('larger than 20 MB') });
    const none = await editor.post(`${base('cork', 2026)}/import`, {});
    expect(none.statusCode).toBe(400);
    const { body, headers } = multipart('x.csv', csv(LITERACY), 'upload');
    const wrongField = await editor.request('POST', `${base('cork', 2026)}/import`, body, { headers });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ detail: 'Send the file in a field named "file".' });
  });
});

describe('exporting', () => {
  it('gives the team a template of every measurement and breakdown filled with what is known, as CSV and XLSX', async () => {
    const { editor } = await team('okayama');
    await upload(editor, `${base('okayama', 2023)}/import`, 'a.csv', csv(LITERACY));
    const res = await editor.get(`${base('okayama', 2023)}/export?format=csv&template=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="okayama-2023-template.csv"');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('measurement_id,breakdown,year,value,unit,source,note,election_year,measurement_name');
    expect(lines).toHaveLength(1 + allMeasurements().reduce((n, m) => n + breakdownKeys(m).length, 0));
    expect(lines[1]).toBe('1.1.1a,total,2023,96.25,percent,Census 2021,Adults 15+,,Adult literacy rate');
    expect(lines[4]).toBe('1.1.2a,total,2023,,percent,,,,Participation rate in election');

    const xlsx = await editor.get(`${base('okayama', 2023)}/export?format=xlsx&template=true`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.rawPayload).buffer);
    const sheet = workbook.getWorksheet('observations');
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '1.1.1a',
      'total',
      2023,
      96.25,
      'percent',
      'Census 2021',
      'Adults 15+',
      undefined,
      'Adult literacy rate',
    ]);
  });

  it('exports only the values there are, and the exported file imports back unchanged', async () => {
    const { editor } = await team('okayama');
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await editor.get(`${base('okayama', 2023)}/export?format=${format}`);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="okayama-2023-observations.${format}"`);
      const again = await upload(editor, `${base('okayama', 2023)}/import`, `back.${format}`, res.rawPayload);
      expect(summaryOf(again)).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    }
  });

  it('exports accepted cycles to everyone, and unpublished ones only to those who may read them', async () => {
    const { editor, coordinator, secretariat } = await team('pecs');
    await upload(editor, `${base('pecs', 2021)}/import`, 'a.csv', csv([['1.2.2a', 'total', 2021, '4', '', 'LFS', '']]));
    const anonymous = new Agent(t.app);
    expect((await anonymous.get(`${base('pecs', 2021)}/export`)).statusCode).toBe(404);
    expect((await anonymous.get(`${base('pecs', 2021)}/export?template=true`)).statusCode).toBe(404);
    const { agent: stranger } = await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] });
    expect((await stranger.get(`${base('pecs', 2021)}/export`)).statusCode).toBe(404);
    expect((await editor.get(`${base('pecs', 2021)}/export`)).statusCode).toBe(200);
    expect((await editor.get(`${base('pecs', 2030)}/export`)).statusCode).toBe(404); // no cycle: no data
    expect((await editor.get(`${base('pecs', 2030)}/export?template=true`)).statusCode).toBe(200);

    await coordinator.post(`${base('pecs', 2021)}/submit`);
    await secretariat.post(`${base('pecs', 2021)}/accept`);
    const published = await anonymous.get(`${base('pecs', 2021)}/export`);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('1.2.2a,total,2021,4,percent,LFS');
  });
});

describe('network-wide back-fill', () => {
  const header = ['city', ...HEADER];
  const url = '/api/v1/observations/import';

  it('lets the secretariat import many cities and years in one file, opening the drafts it needs', async () => {
    const { secretariat } = await team('suwon');
    const rows = ['suwon', 'osan', 'okayama'].flatMap((city) =>
      [2018, 2019].map((year) => [city, '1.2.2a', 'total', year, '4.5', 'percent', 'LFS', '']),
    );
    const res = await upload(secretariat, url, 'network.csv', csv(rows, header));
    expect(summaryOf(res)).toMatchObject({ inserted: 6, errors: [] });
    expect(summaryOf(res).openedCycles).toHaveLength(6);
    const trail = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'observation.import'), eq(auditLog.resourceId, 'osan/2018,2019')));
    expect(trail).toHaveLength(1);
    expect(trail[0]?.scopeId).toBe(await cityId(t.app, 'osan'));
  });

  it('counts per cycle a file mixing new, changed and equal values, in cycles with values and in new ones', async () => {
    const { secretariat } = await team('heraklion');
    const first = await upload(
      secretariat,
      url,
      'first.csv',
      csv(
        [
          ['heraklion', '1.1.1a', 'total', 2021, '96.25', '', 'Census 2021', 'kept'],
          ['heraklion', '1.2.2a', 'total', 2021, '4.1', '', 'LFS', ''],
        ],
        header,
      ),
    );
    expect(summaryOf(first)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, errors: [] });
    const res = await upload(
      secretariat,
      url,
      'second.csv',
      csv(
        [
          ['heraklion', '1.1.1a', 'total', 2021, '96.250', '', 'Census 2021', 'kept'], // equal
          ['heraklion', '1.2.2a', 'total', 2021, '4.3', '', 'LFS', ''], // changed
          ['heraklion', '1.1.1a', 'sex:female', 2021, '97', '', 'Census 2021', ''], // new, in a cycle with values
          ['heraklion', '1.2.2a', 'total', 2022, '4.2', '', 'LFS', ''], // new, in a new cycle
          ['sonderborg', '1.2.2a', 'total', 2021, '3.9', '', 'LFS', ''], // new, in another city's new cycle
        ],
        header,
      ),
    );
    expect(summaryOf(res)).toMatchObject({ rows: 5, inserted: 3, updated: 1, unchanged: 1, errors: [] });
    expect(summaryOf(res).openedCycles).toEqual([
      { city: 'heraklion', year: 2022 },
      { city: 'sonderborg', year: 2021 },
    ]);
    const [record] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'observation.import'), eq(auditLog.resourceId, 'heraklion/2021,2022')));
    expect(record?.after).toMatchObject({
      file: 'second.csv',
      cycles: [
        { year: 2021, opened: false, inserted: 1, updated: 1, unchanged: 1 },
        { year: 2022, opened: true, inserted: 1, updated: 0, unchanged: 0 },
      ],
    });
    expect((await stored('heraklion', 2021)).map((o) => [o.measurementId, o.breakdown, o.value, o.version])).toEqual([
      ['1.1.1a', 'sex:female', '97', 1],
      ['1.1.1a', 'total', '96.25', 1],
      ['1.2.2a', 'total', '4.3', 2],
    ]);
    expect((await stored('sonderborg', 2021)).map((o) => [o.value, o.version, o.provenance])).toEqual([
      ['3.9', 1, 'import'],
    ]);
  });

  it('refuses the whole file when one city is unknown or one cycle is locked, naming the rows', async () => {
    const { editor, coordinator, secretariat } = await team('tunis');
    await upload(
      editor,
      `${base('tunis', 2020)}/import`,
      'a.csv',
      csv([['1.2.2a', 'total', 2020, '4', '', 'LFS', '']]),
    );
    await coordinator.post(`${base('tunis', 2020)}/submit`);
    const before = await snapshot();
    const res = await upload(
      secretariat,
      url,
      'network.csv',
      csv(
        [
          ['giza', '1.2.2a', 'total', 2020, '4', '', 'LFS', ''],
          ['atlantis', '1.2.2a', 'total', 2020, '4', '', 'LFS', ''],
          ['tunis', '1.2.2a', 'total', 2020, '5', '', 'LFS', ''],
        ],
        header,
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(ImportProblemSchema.parse(res.json()).errors.map((e) => [e.field, e.message])).toEqual([
      ['row 3, column city', 'no city "atlantis" in the network directory'],
      ['row 4, column year', 'the 2020 cycle of tunis is submitted: it cannot be changed (1 row(s) of the file)'],
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await editor.request('POST', url, {})).statusCode).toBe(403);
  });
});
