import { generateResponses, type Instrument } from '@lco/core';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../platform/testing/agent.ts';
import { cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { surveyResponses } from './survey.tables.ts';
import { surveyWithWave } from './survey.testing.ts';
import { readWorkbook } from './xlsform.ts';

let t: TestApp;
let corkId: string;
let agent: Agent;
beforeAll(async () => {
  t = await testApp();
  corkId = await cityId(t.app, 'cork');
  agent = (await signedIn(t.app, { grants: [{ role: 'city-editor', city: 'cork' }] })).agent;
});
afterAll(async () => t.close());

/** A multipart upload of one CSV file in the field "file", as the web app sends it. */
async function upload(url: string, csv: string) {
  const boundary = '----lco-test-boundary';
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kobo-export.csv"\r\nContent-Type: text/csv\r\n\r\n` +
    `${csv}\r\n--${boundary}--\r\n`;
  return agent.request('POST', url, Buffer.from(body), {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function count(waveId: string) {
  return t.app.db.$count(
    surveyResponses,
    and(eq(surveyResponses.cityId, corkId), eq(surveyResponses.waveId, waveId), isNotNull(surveyResponses.submittedAt)),
  );
}

/**
 * What KoboToolbox exports as "XML values and headers" for a form: its metadata columns around the
 * questions' names, a group prefix on the instance id, semicolons, the choices' names as values.
 */
function koboCsv(names: string[], rows: Record<string, string | number | null>[], rename: Record<string, string> = {}) {
  const header = [
    'start',
    'end',
    ...names.map((n) => rename[n] ?? n),
    'meta/instanceID',
    '_id',
    '_uuid',
    '_submission_time',
    '_index',
  ];
  const lines = rows.map((row, i) => {
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return [
      '2025-03-01T10:00:00.000+01:00',
      '2025-03-01T10:07:00.000+01:00',
      ...names.map((n) => (row[n] === null || row[n] === undefined ? '' : String(row[n]))),
      `uuid:${uuid}`,
      String(1000 + i),
      uuid,
      '2025-03-01T09:07:30',
      String(i + 1),
    ].join(';');
  });
  return `${[header.join(';'), ...lines].join('\n')}\n`;
}

describe('XLSForm export and Kobo/ODK CSV import', () => {
  it('round-trips: the XLSForm names every question and choice in each language, and its Kobo export imports back', async () => {
    const { waveId } = await surveyWithWave(agent, 'cork', new Date());
    const res = await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}/xlsform`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="lco_citizen_.*\.xlsx"/);
    const book = await readWorkbook(res.rawPayload);
    const survey = book.survey ?? [];
    expect(survey[0]).toEqual([
      'type',
      'name',
      'label::English (en)',
      'label::French (fr)',
      'label::Arabic (ar)',
      'required',
      'relevant',
      'constraint',
      'constraint_message::English (en)',
      'constraint_message::French (fr)',
      'constraint_message::Arabic (ar)',
    ]);
    const age = survey.find((r) => r[1] === 'age_group');
    expect(age?.slice(0, 6)).toEqual([
      'select_one age_group',
      'age_group',
      'How old are you?',
      'Quel âge avez-vous ?',
      'كم عمرك؟',
      'yes',
    ]);
    expect(survey.find((r) => r[1] === 'job_training')?.[6]).toBe(`\${employment} = 'employed'`);
    expect(survey.find((r) => r[1] === 'online_learning_hours')?.slice(0, 1)).toEqual(['decimal']);
    expect(book.choices?.filter((r) => r[0] === 'district').map((r) => r[1])).toEqual(['north', 'south']);
    expect(book.settings?.[1]?.[2]).toBe('1');

    // Enumerators fill the form in KoboToolbox; its export comes back.
    const wave = (await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}`)).json() as { instrument: Instrument };
    const names = survey
      .slice(1)
      .filter((r) => r[0] !== 'note')
      .map((r) => r[1] as string);
    const answers = generateResponses(wave.instrument, 60, 5);
    const csv = koboCsv(names, answers);
    const imported = await upload(`/api/v1/cities/cork/survey-waves/${waveId}/responses/import`, csv);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 60, imported: 60, duplicates: 0 });
    expect(await count(waveId)).toBe(60);
    const [first] = await t.app.db
      .select({ answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(eq(surveyResponses.waveId, waveId))
      .limit(1);
    expect(Object.keys(first?.answers ?? {}).sort()).toEqual([...names].sort());

    // The same export again counts once.
    const again = await upload(`/api/v1/cities/cork/survey-waves/${waveId}/responses/import`, csv);
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 60 });
    expect(await count(waveId)).toBe(60);
    const estimates = (await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}/estimates`)).json();
    expect(estimates.weighting.respondents).toBe(60);
  });

  it('refuses an export with renamed columns, naming both, and imports nothing; a column mapping takes it', async () => {
    const { waveId } = await surveyWithWave(agent, 'cork', new Date());
    const wave = (await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}`)).json() as { instrument: Instrument };
    const names = wave.instrument.questions.map((q) => q.id);
    const csv = koboCsv(names, generateResponses(wave.instrument, 10, 6), { sex: 'gender' });
    const res = await upload(`/api/v1/cities/cork/survey-waves/${waveId}/responses/import`, csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as { column: string; message: string }[];
    expect(errors.map((e) => e.column)).toEqual(['sex', 'gender']);
    expect(errors[0]?.message).toContain('map=gender:sex');
    expect(await count(waveId)).toBe(0);

    const mapped = await upload(`/api/v1/cities/cork/survey-waves/${waveId}/responses/import?map=gender:sex`, csv);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(await count(waveId)).toBe(10);
  });

  it('refuses the whole file for one answer outside the choices, with its row and column', async () => {
    const { waveId } = await surveyWithWave(agent, 'cork', new Date());
    const wave = (await agent.get(`/api/v1/cities/cork/survey-waves/${waveId}`)).json() as { instrument: Instrument };
    const names = wave.instrument.questions.map((q) => q.id);
    const rows = generateResponses(wave.instrument, 5, 7);
    rows[1] = { ...rows[1], age_group: '130+', online_learning_hours: 500 };
    const res = await upload(`/api/v1/cities/cork/survey-waves/${waveId}/responses/import`, koboCsv(names, rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 3, column: 'age_group', message: expect.stringContaining('choices: 15-24') }),
      expect.objectContaining({
        row: 3,
        column: 'online_learning_hours',
        message: expect.stringContaining('outside 0–168'),
      }),
    ]);
    expect(await count(waveId)).toBe(0);
  });
});
