import type { Answers, Instrument } from '@lco/core';
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../platform/db/client.ts';
import type { CityRef } from '../monitoring/cycle.repository.ts';
import { cities } from '../network/network.tables.ts';
import { surveyResponses, surveys, surveyWaves } from './survey.tables.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type NewSurvey = typeof surveys.$inferInsert;
export type WaveRow = typeof surveyWaves.$inferSelect;
export type NewWave = typeof surveyWaves.$inferInsert;
export type ResponseRow = typeof surveyResponses.$inferSelect;

/** A wave as the public response pages need it on every request: its dates and languages, not its instrument. */
export type PublicWaveRow = Pick<WaveRow, 'id' | 'code' | 'opensAt' | 'closesAt' | 'languages' | 'updatedAt'>;
export type PublicResponseRow = Pick<ResponseRow, 'answers' | 'page' | 'lang' | 'submittedAt'>;

/** What a public response page asks for: a wave by its city's slug and code, and a response by its token's hash. */
export interface PublicPageKey {
  slug: string;
  code: string;
  tokenHash?: string;
}

/** A response by its token's hash, in a wave already known. */
export interface PublicResponseKey {
  cityId: string;
  waveId: string;
  tokenHash: string;
}

/** A row of `findPublicPages`, as both engines return it from raw SQL. */
interface PublicPageResult {
  n: number | string;
  city_id: string;
  city_slug: string;
  city_name: string;
  country_iso2: string;
  wave_id: string;
  code: string;
  opens_at: Date | string;
  closes_at: Date | string;
  languages: string[];
  updated_at: Date | string;
  answers: Answers | null;
  page: number | null;
  lang: string | null;
  submitted_at: Date | string | null;
}

type PublicResponseResult = Pick<PublicPageResult, 'n' | 'answers' | 'page' | 'lang' | 'submitted_at'>;

/** The response in a row of `findPublicPages` or `findPublicResponses`; undefined when the row has none. */
function publicResponse(row: PublicResponseResult): PublicResponseRow | undefined {
  if (row.answers === null || row.page === null || row.lang === null) return undefined;
  return {
    answers: row.answers,
    page: row.page,
    lang: row.lang,
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
  };
}

/** A write of a public response page (see `writeResponses`). */
export type ResponseWrite = { cityId: string; waveId: string; tokenHash: string; lang: string; at: Date } & (
  | { kind: 'start' }
  | { kind: 'page'; answers: Answers; page: number }
  | { kind: 'submit'; answers: Answers }
);

export interface PublicPageRow {
  city: CityRef;
  wave: PublicWaveRow;
  /** The response of the token asked for; undefined when none was asked or none has it. */
  response: PublicResponseRow | undefined;
}

export interface ResponseCounts {
  started: number;
  submitted: number;
  imported: number;
}

/** Surveys, waves and responses: the only place with their SQL. */
export class SurveyRepository {
  constructor(private readonly db: Database) {}

  async listSurveys(cityId: string): Promise<SurveyRow[]> {
    return this.db.select().from(surveys).where(eq(surveys.cityId, cityId)).orderBy(asc(surveys.createdAt));
  }

  async findSurvey(cityId: string, id: string, lock?: 'update'): Promise<SurveyRow | undefined> {
    const query = this.db
      .select()
      .from(surveys)
      .where(and(eq(surveys.cityId, cityId), eq(surveys.id, id)));
    const [row] = await (lock ? query.for(lock) : query).limit(1);
    return row;
  }

  async insertSurvey(values: NewSurvey): Promise<SurveyRow> {
    const [row] = await this.db.insert(surveys).values(values).returning();
    return row as SurveyRow;
  }

  async updateSurvey(cityId: string, id: string, changes: Partial<Omit<NewSurvey, 'cityId' | 'id'>>) {
    const [row] = await this.db
      .update(surveys)
      .set(changes)
      .where(and(eq(surveys.cityId, cityId), eq(surveys.id, id)))
      .returning();
    return row as SurveyRow;
  }

  /** Writes a survey as given, whatever was there (seeding Sample City's). */
  async upsertSurvey(values: NewSurvey): Promise<void> {
    const { cityId, id, ...rest } = values;
    await this.db
      .insert(surveys)
      .values(values)
      .onConflictDoUpdate({ target: [surveys.cityId, surveys.id], set: rest });
  }

  /** Writes a wave as given, whatever was there (seeding Sample City's). */
  async upsertWave(values: NewWave): Promise<void> {
    const { cityId, id, ...rest } = values;
    await this.db
      .insert(surveyWaves)
      .values(values)
      .onConflictDoUpdate({ target: [surveyWaves.cityId, surveyWaves.id], set: rest });
  }

  async wavesOf(cityId: string, surveyId: string): Promise<WaveRow[]> {
    return this.db
      .select()
      .from(surveyWaves)
      .where(and(eq(surveyWaves.cityId, cityId), eq(surveyWaves.surveyId, surveyId)))
      .orderBy(asc(surveyWaves.opensAt));
  }

  async findWave(cityId: string, id: string, lock?: 'update'): Promise<WaveRow | undefined> {
    const query = this.db
      .select()
      .from(surveyWaves)
      .where(and(eq(surveyWaves.cityId, cityId), eq(surveyWaves.id, id)));
    const [row] = await (lock ? query.for(lock) : query).limit(1);
    return row;
  }

  async insertWave(values: NewWave): Promise<WaveRow> {
    const [row] = await this.db.insert(surveyWaves).values(values).returning();
    return row as WaveRow;
  }

  async updateWave(cityId: string, id: string, changes: Partial<Omit<NewWave, 'cityId' | 'id'>>): Promise<WaveRow> {
    const [row] = await this.db
      .update(surveyWaves)
      .set(changes)
      .where(and(eq(surveyWaves.cityId, cityId), eq(surveyWaves.id, id)))
      .returning();
    return row as WaveRow;
  }

  async counts(cityId: string, waveId: string): Promise<ResponseCounts> {
    const [row] = await this.db
      .select({
        started: count(),
        submitted: sql<number>`count(${surveyResponses.submittedAt})::int`,
        imported: sql<number>`count(*) filter (where ${surveyResponses.source} = 'import')::int`,
      })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.cityId, cityId), eq(surveyResponses.waveId, waveId)));
    return { started: row?.started ?? 0, submitted: row?.submitted ?? 0, imported: row?.imported ?? 0 };
  }

  /** The answers of every submitted response of a wave, oldest first. */
  async submittedAnswers(cityId: string, waveId: string): Promise<Answers[]> {
    const rows = await this.db
      .select({ answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.cityId, cityId),
          eq(surveyResponses.waveId, waveId),
          isNotNull(surveyResponses.submittedAt),
        ),
      )
      .orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.tokenHash));
    return rows.map((r) => r.answers);
  }

  /**
   * The reads of public response pages, many in one statement (the pages are the busiest path of the server,
   * issue #6, and their reads are batched): for each key the city by slug, its wave by code (without the
   * instrument, which is frozen and read once by `waveInstrument`), and the response of the token when one is
   * given. Answers in the order of the keys; undefined where no such wave is.
   */
  async findPublicPages(keys: readonly PublicPageKey[]): Promise<(PublicPageRow | undefined)[]> {
    if (keys.length === 0) return [];
    const result = await this.db.execute(sql`
      select k.n, c.id as city_id, c.slug as city_slug, c.name as city_name, c.country_iso2,
             w.id as wave_id, w.code, w.opens_at, w.closes_at, w.languages, w.updated_at,
             r.answers, r.page, r.lang, r.submitted_at
      from unnest(${sql.param(keys.map((k) => k.slug))}::text[],
                  ${sql.param(keys.map((k) => k.code))}::text[],
                  ${sql.param(keys.map((k) => k.tokenHash ?? null))}::text[])
             with ordinality as k(slug, code, token_hash, n)
      join ${cities} c on c.slug = k.slug
      join ${surveyWaves} w on w.city_id = c.id and w.code = k.code
      left join ${surveyResponses} r
        on r.city_id = w.city_id and r.wave_id = w.id and r.token_hash = k.token_hash`);
    const found: (PublicPageRow | undefined)[] = keys.map(() => undefined);
    for (const row of rowsOf<PublicPageResult>(result)) {
      found[Number(row.n) - 1] = {
        city: { id: row.city_id, slug: row.city_slug, name: row.city_name, countryIso2: row.country_iso2 },
        wave: {
          id: row.wave_id,
          code: row.code,
          opensAt: new Date(row.opens_at),
          closesAt: new Date(row.closes_at),
          languages: row.languages,
          updatedAt: new Date(row.updated_at),
        },
        response: publicResponse(row),
      };
    }
    return found;
  }

  /**
   * Responses by their token's hash, many in one statement, for pages whose wave is known already (the
   * response service keeps open waves in memory): only the responses' table is read. Answers in the order of
   * the keys; undefined where the wave has no response with that token.
   */
  async findPublicResponses(keys: readonly PublicResponseKey[]): Promise<(PublicResponseRow | undefined)[]> {
    if (keys.length === 0) return [];
    const result = await this.db.execute(sql`
      select k.n, r.answers, r.page, r.lang, r.submitted_at
      from unnest(${sql.param(keys.map((k) => k.cityId))}::uuid[],
                  ${sql.param(keys.map((k) => k.waveId))}::uuid[],
                  ${sql.param(keys.map((k) => k.tokenHash))}::text[])
             with ordinality as k(city_id, wave_id, token_hash, n)
      join ${surveyResponses} r on r.city_id = k.city_id and r.wave_id = k.wave_id and r.token_hash = k.token_hash`);
    const found: (PublicResponseRow | undefined)[] = keys.map(() => undefined);
    for (const row of rowsOf<PublicResponseResult>(result)) found[Number(row.n) - 1] = publicResponse(row);
    return found;
  }

  /** A wave's instrument, frozen when the wave was created. */
  async waveInstrument(cityId: string, waveId: string): Promise<Instrument | undefined> {
    const [row] = await this.db
      .select({ instrument: surveyWaves.instrument })
      .from(surveyWaves)
      .where(and(eq(surveyWaves.cityId, cityId), eq(surveyWaves.id, waveId)))
      .limit(1);
    return row?.instrument;
  }

  /**
   * Writes of public response pages, many in one statement (batched like the reads): a start inserts the
   * response, a page saves its answers and the furthest page reached, a submission saves the last answers and
   * marks the response submitted. A page or a submission changes only a response not yet submitted, so a
   * double tap or a replay counts once. Answers, in the order of the writes, whether each took effect.
   *
   * A statement sees each response once: two writes of the same response (a double tap arriving in one
   * batch) go in successive statements, so the second sees what the first did.
   */
  async writeResponses(writes: readonly ResponseWrite[]): Promise<boolean[]> {
    const done: boolean[] = writes.map(() => false);
    let pending = writes.map((write, index) => ({ write, index }));
    while (pending.length > 0) {
      const seen = new Set<string>();
      const round: typeof pending = [];
      const deferred: typeof pending = [];
      for (const item of pending) {
        const key = `${item.write.cityId}/${item.write.waveId}/${item.write.tokenHash}`;
        (seen.has(key) ? deferred : round).push(item);
        seen.add(key);
      }
      const tookEffect = await this.writeDistinct(round.map((item) => item.write));
      for (const n of tookEffect) {
        const item = round[n - 1];
        if (item) done[item.index] = true;
      }
      pending = deferred;
    }
    return done;
  }

  /** One statement for writes of distinct responses; the (1-based) positions of those that took effect. */
  private async writeDistinct(writes: readonly ResponseWrite[]): Promise<number[]> {
    const column = <T>(of: (w: ResponseWrite) => T) => sql.param(writes.map(of));
    const result = await this.db.execute(sql`
      with input as (
        select * from unnest(
          ${column((w) => w.kind)}::text[], ${column((w) => w.cityId)}::uuid[], ${column((w) => w.waveId)}::uuid[],
          ${column((w) => w.tokenHash)}::text[], ${column((w) => (w.kind === 'start' ? '{}' : JSON.stringify(w.answers)))}::text[],
          ${column((w) => (w.kind === 'page' ? w.page : null))}::int[], ${column((w) => w.lang)}::text[],
          ${column((w) => w.at.toISOString())}::timestamptz[]
        ) with ordinality as i(kind, city_id, wave_id, token_hash, answers, page, lang, at, n)
      ),
      started as (
        insert into ${surveyResponses}
          (city_id, wave_id, token_hash, answers, page, lang, source, started_at, updated_at)
        select city_id, wave_id, token_hash, answers::jsonb, 1, lang, 'web', at, at from input where kind = 'start'
        on conflict do nothing
        returning city_id, wave_id, token_hash
      ),
      saved as (
        update ${surveyResponses} r
        set answers = i.answers::jsonb, page = coalesce(i.page, r.page), lang = i.lang, updated_at = i.at,
            submitted_at = case when i.kind = 'submit' then i.at end
        from input i
        where i.kind <> 'start' and r.city_id = i.city_id and r.wave_id = i.wave_id
          and r.token_hash = i.token_hash and r.submitted_at is null
        returning r.city_id, r.wave_id, r.token_hash
      )
      select i.n from input i
      join (select * from started union all select * from saved) w using (city_id, wave_id, token_hash)`);
    return rowsOf<{ n: number | string }>(result).map((r) => Number(r.n));
  }

  /** Imported responses in one statement (set-based, DESIGN §5), submitted as of `at`. */
  async insertImported(
    cityId: string,
    waveId: string,
    rows: { tokenHash: string; answers: Answers; lang: string }[],
    at: Date,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.db.execute(sql`
      with written as (
        insert into ${surveyResponses}
          (city_id, wave_id, token_hash, answers, page, lang, source, started_at, updated_at, submitted_at)
        select ${cityId}::uuid, ${waveId}::uuid, t.token_hash, t.answers::jsonb, 1, t.lang, 'import',
               ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from unnest(${sql.param(rows.map((r) => r.tokenHash))}::text[],
                    ${sql.param(rows.map((r) => JSON.stringify(r.answers)))}::text[],
                    ${sql.param(rows.map((r) => r.lang))}::text[]) as t(token_hash, answers, lang)
        on conflict do nothing
        returning 1)
      select count(*)::int as inserted from written`);
    return Number(rowsOf<{ inserted: number | string }>(result)[0]?.inserted ?? 0);
  }

  async importedTokens(cityId: string, waveId: string, tokenHashes: string[]): Promise<Set<string>> {
    if (tokenHashes.length === 0) return new Set();
    const result = await this.db.execute(sql`
      select token_hash from ${surveyResponses}
      where city_id = ${cityId}::uuid and wave_id = ${waveId}::uuid
        and token_hash = any(${sql.param(tokenHashes)}::text[])`);
    return new Set(rowsOf<{ token_hash: string }>(result).map((r) => r.token_hash));
  }
}
