import type { Answers, Instrument } from '@lco/core';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
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
   * The one read of a public response page: the city by slug, its wave by code (without the instrument,
   * which is frozen and read once by `waveInstrument`), and the response of a token when one is given.
   * Prepared once per repository: the public pages are the busiest path of the server (issue #6).
   */
  async findPublicPage(slug: string, code: string, tokenHash?: string): Promise<PublicPageRow | undefined> {
    const [row] = await (tokenHash === undefined
      ? this.publicPage().execute({ slug, code })
      : this.publicResponsePage().execute({ slug, code, tokenHash }));
    if (!row) return undefined;
    const { cityId, citySlug, cityName, countryIso2, answers, page, lang, submittedAt, ...wave } = row;
    return {
      city: { id: cityId, slug: citySlug, name: cityName, countryIso2 },
      wave,
      response: answers !== null && page !== null && lang !== null ? { answers, page, lang, submittedAt } : undefined,
    };
  }

  private publicPageQuery?: ReturnType<SurveyRepository['buildPublicPage']>;
  private publicResponsePageQuery?: ReturnType<SurveyRepository['buildPublicPage']>;

  private publicPage() {
    this.publicPageQuery ??= this.buildPublicPage(false);
    return this.publicPageQuery;
  }

  private publicResponsePage() {
    this.publicResponsePageQuery ??= this.buildPublicPage(true);
    return this.publicResponsePageQuery;
  }

  private buildPublicPage(withResponse: boolean) {
    return this.db
      .select({
        cityId: cities.id,
        citySlug: cities.slug,
        cityName: cities.name,
        countryIso2: cities.countryIso2,
        id: surveyWaves.id,
        code: surveyWaves.code,
        opensAt: surveyWaves.opensAt,
        closesAt: surveyWaves.closesAt,
        languages: surveyWaves.languages,
        updatedAt: surveyWaves.updatedAt,
        answers: surveyResponses.answers,
        page: surveyResponses.page,
        lang: surveyResponses.lang,
        submittedAt: surveyResponses.submittedAt,
      })
      .from(cities)
      .innerJoin(surveyWaves, and(eq(surveyWaves.cityId, cities.id), eq(surveyWaves.code, sql.placeholder('code'))))
      .leftJoin(
        surveyResponses,
        withResponse
          ? and(
              eq(surveyResponses.cityId, surveyWaves.cityId),
              eq(surveyResponses.waveId, surveyWaves.id),
              eq(surveyResponses.tokenHash, sql.placeholder('tokenHash')),
            )
          : sql`false`,
      )
      .where(eq(cities.slug, sql.placeholder('slug')))
      .limit(1)
      .prepare(withResponse ? 'survey_public_response_page' : 'survey_public_page');
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

  async startResponse(values: typeof surveyResponses.$inferInsert): Promise<void> {
    await this.db.insert(surveyResponses).values(values).onConflictDoNothing();
  }

  /** Saves a page of a response still in progress; false when it was already submitted (or is unknown). */
  async saveProgress(
    cityId: string,
    waveId: string,
    tokenHash: string,
    answers: Answers,
    page: number,
    lang: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.db
      .update(surveyResponses)
      .set({ answers, page, lang, updatedAt: at })
      .where(
        and(
          eq(surveyResponses.cityId, cityId),
          eq(surveyResponses.waveId, waveId),
          eq(surveyResponses.tokenHash, tokenHash),
          isNull(surveyResponses.submittedAt),
        ),
      )
      .returning({ tokenHash: surveyResponses.tokenHash });
    return rows.length === 1;
  }

  /**
   * Submits a response with its last page's answers, once: a second submission of the same token (a double
   * tap, a replay) changes nothing and says so by returning false.
   */
  async submit(
    cityId: string,
    waveId: string,
    tokenHash: string,
    answers: Answers,
    lang: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.db
      .update(surveyResponses)
      .set({ answers, lang, updatedAt: at, submittedAt: at })
      .where(
        and(
          eq(surveyResponses.cityId, cityId),
          eq(surveyResponses.waveId, waveId),
          eq(surveyResponses.tokenHash, tokenHash),
          isNull(surveyResponses.submittedAt),
        ),
      )
      .returning({ tokenHash: surveyResponses.tokenHash });
    return rows.length === 1;
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

/** The rows of a raw statement: both engines (node-postgres and PGlite) answer with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
