import { createHmac, randomBytes } from 'node:crypto';
import { type AnswerIssue, type Answers, checkAnswers, type Instrument, isLang, type Lang } from '@lco/core';
import type { AppContext } from '../../platform/context.ts';
import { Batcher } from '../../platform/db/batcher.ts';
import { CHANNELS, NoticeCache } from '../../platform/db/notice-cache.ts';
import { SharedBodies } from '../../platform/http/shared-bodies.ts';
import { MemoryThrottle, type ThrottlePolicy } from '../../platform/security/throttle.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { CityRef } from '../monitoring/cycle.repository.ts';
import { ResponseMemory } from './response-memory.ts';
import { waveState } from './survey.presenter.ts';
import {
  type PublicPageKey,
  type PublicPageRow,
  type PublicResponseKey,
  type PublicResponseRow,
  type PublicWaveRow,
  type ResponseWrite,
  SurveyRepository,
} from './survey.repository.ts';

/**
 * Every post of the public response page counts against its address: a respondent posts once a page, so
 * this allows some twenty complete answers an hour from one address (a shared connection of a library,
 * a household), then doubling waits.
 */
export const SURVEY_ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 120,
  baseSeconds: 60,
  maxSeconds: 3600,
  forgetAfterSeconds: 3600,
};

/**
 * Throttle keys from addresses without keeping the address: an HMAC under a random key that lives only in
 * this process's memory and is replaced every day, so neither the throttle table nor a copy of it can be
 * turned back into an address (a one-way hash of the address alone could, by trying every address).
 * Several server processes each count on their own.
 */
export class AddressKeys {
  private day = '';
  private key: Buffer = randomBytes(32);

  keyFor(address: string, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.key = randomBytes(32);
    }
    return `survey:address:${createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 32)}`;
  }
}

export interface OpenWave {
  city: CityRef;
  wave: PublicWaveRow & { instrument: Instrument };
  /** The wave's pages that are the same for every respondent, rendered and compressed once (see the routes). */
  shared: SharedBodies;
}

/** What happened to a request of the response page; the routes turn it into HTML or a redirect. */
export type ResponseOutcome =
  | { kind: 'not-found' }
  | { kind: 'not-yet-open'; at: OpenWave }
  | { kind: 'closed'; at: OpenWave }
  | { kind: 'too-many'; at: OpenWave; retryAfter: number }
  | { kind: 'already'; at: OpenWave }
  | { kind: 'redirect'; to: string }
  | { kind: 'intro'; at: OpenWave }
  | { kind: 'thanks'; at: OpenWave }
  | {
      kind: 'page';
      at: OpenWave;
      page: number;
      answers: Answers;
      status: number;
      raw?: Record<string, string | undefined>;
      issues?: AnswerIssue[];
      lang: Lang;
    };

/** The language to show: asked for and offered, else the response's, else the first the browser accepts, else the wave's first. */
export function pickLang(
  wave: Pick<PublicWaveRow, 'languages'>,
  asked: string | undefined,
  saved: string | null,
  acceptLanguage: string | undefined,
): Lang {
  const offered = wave.languages.filter(isLang);
  const first = offered[0] ?? 'en';
  if (asked && isLang(asked) && offered.includes(asked)) return asked;
  if (saved && isLang(saved) && offered.includes(saved)) return saved;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (tag && isLang(tag) && offered.includes(tag)) return tag;
  }
  return first;
}

/**
 * The public side of fieldwork: anyone with the link answers, anonymously, page by page; the submission
 * token (in the link of the response, stored only as its hash) keeps a double tap or a replay from
 * counting twice; posts are throttled per address without keeping the address.
 *
 * This is the busiest path of the server (a city's whole population may be asked at once), so the open waves
 * are kept in memory until the database announces a change (`NoticeCache`), the reads and writes of responses
 * go to the database in batches (what the pages ask while the engine is busy goes as one statement when it is
 * free: group commit, `Batcher`), on the embedded engine the page after a post is shown from what the post
 * wrote (`ResponseMemory`), and the address throttle counts in memory.
 */
export class ResponseService {
  private readonly repository: SurveyRepository;
  private readonly throttle: MemoryThrottle;
  private readonly pages: Batcher<PublicPageKey, PublicPageRow | undefined>;
  private readonly responses: Batcher<PublicResponseKey, PublicResponseRow | undefined>;
  private readonly writes: Batcher<ResponseWrite, boolean>;
  private readonly keys = new AddressKeys();
  /** Waves served, with their city and instrument, by link (`slug/code`); forgotten on their city's notice. */
  private readonly waves: NoticeCache<OpenWave>;
  /** Responses as this process wrote them, when it is the database's only client (the embedded engine). */
  private readonly memory: ResponseMemory | null;
  /**
   * Instruments by wave and last change: a wave's instrument is frozen when the wave is created, and it is
   * by far the largest part of the wave (some 17 KB of JSON), so each page reads only the wave's dates and
   * languages. Keyed by `updated_at` too, so a rewritten wave (the sample's seed) is read again.
   */
  private readonly instruments = new Map<string, Instrument>();

  constructor(private readonly ctx: AppContext) {
    this.repository = new SurveyRepository(ctx.db);
    this.throttle = new MemoryThrottle(ctx.settings.surveyAddressPolicy ?? SURVEY_ADDRESS_POLICY);
    this.pages = new Batcher((keys) => this.repository.findPublicPages(keys));
    this.responses = new Batcher((keys) => this.repository.findPublicResponses(keys));
    this.waves = new NoticeCache(ctx.notices, {
      channel: CHANNELS.surveyWaves,
      capacity: 500,
      staleOn: (cityId, _link, at) => at.city.id === cityId,
    });
    // Over PostgreSQL another process may have written a response since (a phone's requests need not all
    // reach this one), so there every page reads it. 5,000 responses under way are some 10 MB of answers;
    // one forgotten is read.
    this.memory = ctx.engine === 'pglite' ? new ResponseMemory(5_000) : null;
    this.writes = new Batcher((writes) => this.repository.writeResponses(writes));
  }

  /**
   * The wave of a public link, and the response of a token when one is given. A wave known already costs no
   * read and its response is read alone; otherwise both come from one batched query, and the wave is kept.
   */
  private async find(
    slug: string,
    code: string,
    tokenHash?: string,
  ): Promise<{ at: OpenWave; response: PublicResponseRow | undefined } | undefined> {
    const link = `${slug}/${code}`;
    const now = this.ctx.now();
    const known = this.waves.get(link, now);
    if (known) {
      if (tokenHash === undefined) return { at: known, response: undefined };
      const response =
        this.memory?.get(known.wave.id, tokenHash) ??
        (await this.responses.submit({ cityId: known.city.id, waveId: known.wave.id, tokenHash }));
      return { at: known, response };
    }
    const ticket = this.waves.ticket();
    const row = await this.pages.submit(tokenHash === undefined ? { slug, code } : { slug, code, tokenHash });
    if (!row) return undefined;
    const instrument = await this.instrument(row.city.id, row.wave);
    if (!instrument) return undefined;
    // Some 6 languages × (intro, thank-you, already, each page with the questions it may show).
    const at = { city: row.city, wave: { ...row.wave, instrument }, shared: new SharedBodies(200) };
    this.waves.set(link, at, ticket, now);
    return { at, response: row.response };
  }

  private async instrument(cityId: string, wave: PublicWaveRow): Promise<Instrument | undefined> {
    const key = `${cityId}/${wave.id}/${wave.updatedAt.getTime()}`;
    const known = this.instruments.get(key);
    if (known) return known;
    const instrument = await this.repository.waveInstrument(cityId, wave.id);
    if (!instrument) return undefined;
    // A few hundred waves at most are being answered at once; forget the oldest beyond that.
    if (this.instruments.size >= 500) this.instruments.delete(this.instruments.keys().next().value as string);
    this.instruments.set(key, instrument);
    return instrument;
  }

  base(at: OpenWave): string {
    return `/s/${at.city.slug}/${at.wave.code}`;
  }

  async intro(slug: string, code: string): Promise<ResponseOutcome> {
    const found = await this.find(slug, code);
    if (!found) return { kind: 'not-found' };
    return this.gate(found.at) ?? { kind: 'intro', at: found.at };
  }

  /** A new response: a fresh token, an empty row, and the first page. */
  async start(slug: string, code: string, lang: string | undefined, address: string): Promise<ResponseOutcome> {
    const found = await this.find(slug, code);
    if (!found) return { kind: 'not-found' };
    const { at } = found;
    const refused = this.gate(at) ?? this.count(at, address);
    if (refused) return refused;
    const chosen = pickLang(at.wave, lang, null, undefined);
    const token = newToken();
    const tokenHash = hashToken(token);
    await this.write(
      { kind: 'start', cityId: at.city.id, waveId: at.wave.id, tokenHash, lang: chosen, at: this.ctx.now() },
      { answers: {}, page: 1, lang: chosen, submittedAt: null },
    );
    return { kind: 'redirect', to: `${this.base(at)}/r/${token}/1` };
  }

  async show(
    slug: string,
    code: string,
    token: string,
    page: number,
    langQuery: string | undefined,
    acceptLanguage: string | undefined,
  ): Promise<ResponseOutcome> {
    const found = await this.find(slug, code, hashToken(token));
    if (!found?.response) return { kind: 'not-found' };
    const { at, response } = found;
    if (response.submittedAt) return { kind: 'already', at };
    const gated = this.gate(at);
    if (gated) return gated;
    const last = at.wave.instrument.pages.length;
    // Never past the furthest page reached: the earlier pages hold the answers later ones depend on.
    if (page < 1 || page > Math.min(last, response.page)) {
      return { kind: 'redirect', to: `${this.base(at)}/r/${token}/${response.page}` };
    }
    const lang = pickLang(at.wave, langQuery, response.lang, acceptLanguage);
    return { kind: 'page', at, page, answers: response.answers, status: 200, lang };
  }

  /** Saves one page; the last page submits the response, once. */
  async save(
    slug: string,
    code: string,
    token: string,
    page: number,
    body: Record<string, string | undefined>,
    address: string,
  ): Promise<ResponseOutcome> {
    const tokenHash = hashToken(token);
    const found = await this.find(slug, code, tokenHash);
    if (!found?.response) return { kind: 'not-found' };
    const { at, response } = found;
    if (response.submittedAt) return { kind: 'already', at };
    const refused = this.gate(at) ?? this.count(at, address);
    if (refused) return refused;
    const instrument = at.wave.instrument;
    const last = instrument.pages.length;
    const base = `${this.base(at)}/r/${token}`;
    if (page < 1 || page > Math.min(last, response.page)) return { kind: 'redirect', to: `${base}/${response.page}` };
    const lang = pickLang(at.wave, body.lang, response.lang, undefined);
    if (body.go === 'back') return { kind: 'redirect', to: `${base}/${Math.max(1, page - 1)}` };

    const ids = instrument.pages[page - 1] ?? [];
    const raw: Record<string, string | undefined> = {};
    for (const id of ids) raw[id] = body[id];
    const checked = checkAnswers(instrument, raw, ids, { context: response.answers });
    if (checked.issues.length > 0) {
      return { kind: 'page', at, page, answers: response.answers, raw, issues: checked.issues, status: 400, lang };
    }
    const answers: Answers = { ...response.answers, ...checked.answers };
    const written = { cityId: at.city.id, waveId: at.wave.id, tokenHash, lang, at: this.ctx.now() };
    if (page < last) {
      const furthest = Math.max(response.page, page + 1);
      const saved = await this.write(
        { ...written, kind: 'page', answers, page: furthest },
        { answers, page: furthest, lang, submittedAt: null },
      );
      return saved ? { kind: 'redirect', to: `${base}/${page + 1}` } : { kind: 'already', at };
    }
    // The whole response is checked again: a post straight to the last page must not skip the demographics.
    const whole = checkAnswers(instrument, asText(answers));
    if (whole.issues.length > 0) {
      const first = instrument.pages.findIndex((p) => whole.issues.some((i) => p.includes(i.question)));
      return { kind: 'redirect', to: `${base}/${first + 1}` };
    }
    const submitted = await this.write(
      { ...written, kind: 'submit', answers: whole.answers },
      { answers: whole.answers, page: response.page, lang, submittedAt: written.at },
    );
    return submitted ? { kind: 'redirect', to: `${base}/done` } : { kind: 'already', at };
  }

  async done(slug: string, code: string, token: string): Promise<ResponseOutcome> {
    const tokenHash = hashToken(token);
    const found = await this.find(slug, code, tokenHash);
    if (!found?.response) return { kind: 'not-found' };
    const { at, response } = found;
    // The questionnaire is over: a later look at it (a replay, a double tap) may read the database.
    if (response.submittedAt) this.memory?.forget(tokenHash);
    return response.submittedAt
      ? { kind: 'thanks', at }
      : { kind: 'redirect', to: `${this.base(at)}/r/${token}/${response.page}` };
  }

  /**
   * A write, batched with others; true if it took effect (false: the response was submitted already). What
   * took effect is remembered as `after`; after anything else the response is read again next time.
   */
  private async write(write: ResponseWrite, after: PublicResponseRow): Promise<boolean> {
    try {
      const tookEffect = await this.writes.submit(write);
      if (tookEffect) this.memory?.remember(write.waveId, write.tokenHash, after);
      else this.memory?.forget(write.tokenHash);
      return tookEffect;
    } catch (error) {
      this.memory?.forget(write.tokenHash);
      throw error;
    }
  }

  /** Before the opening date or after the closing date, nothing is asked and nothing is saved. */
  private gate(at: OpenWave): ResponseOutcome | undefined {
    const state = waveState(at.wave, this.ctx.now());
    if (state === 'scheduled') return { kind: 'not-yet-open', at };
    if (state === 'closed') return { kind: 'closed', at };
    return undefined;
  }

  /** Counts a post against its address; a refusal when the address has posted too much. */
  private count(at: OpenWave, address: string): ResponseOutcome | undefined {
    const now = this.ctx.now();
    const key = this.keys.keyFor(address, now);
    const wait = this.throttle.waitSeconds([key], now);
    if (wait > 0) return { kind: 'too-many', at, retryAfter: wait };
    this.throttle.recordFailure([key], now);
    return undefined;
  }
}

function asText(answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers)) out[k] = v === null ? '' : String(v);
  return out;
}
