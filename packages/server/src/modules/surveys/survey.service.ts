import { randomBytes } from 'node:crypto';
import {
  buildInstrument,
  type CreateSurveyBody,
  type CreateWaveBody,
  checkDesign,
  checkMargins,
  type Instrument,
  type InstrumentDesign,
  type Lang,
  type PopulationMargins,
  type UpdateSurveyBody,
  type UpdateWaveBody,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { CHANNELS } from '../../platform/db/notice-cache.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CityRef, CycleRepository } from '../monitoring/cycle.repository.ts';
import { can, type SurveyAction } from './survey.policy.ts';
import { presentSurvey, presentWave } from './survey.presenter.ts';
import { SurveyRepository, type SurveyRow, type WaveRow } from './survey.repository.ts';

/** The design a survey row holds, with its kind: what `buildInstrument` takes. */
export function designOf(row: SurveyRow): InstrumentDesign {
  return { kind: row.kind as InstrumentDesign['kind'], ...row.design };
}

/** A wave's public link code: 10 characters of a URL-safe alphabet, 60 random bits. */
function newWaveCode(): string {
  return randomBytes(8).toString('base64url').slice(0, 10);
}

function designProblem(issues: { field: string; message: string }[], what: string) {
  return badRequest(
    `The ${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues[0]?.field}: ${issues[0]?.message}.`,
    issues.map((i) => ({ field: i.field, message: i.message })),
  );
}

/**
 * A city's survey instruments and their waves: designed by the city team, versioned once fielded (a wave
 * keeps the instrument it was fielded with), weighted to the margins the team enters.
 */
export class SurveyService {
  private readonly repository: SurveyRepository;
  private readonly cycles: CycleRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new SurveyRepository(ctx.db);
    this.cycles = new CycleRepository(ctx.db);
  }

  async list(actor: Actor, slug: string) {
    const city = await this.authorized(actor, slug, 'survey.read');
    const rows = await this.repository.listSurveys(city.id);
    return Promise.all(rows.map(async (row) => this.present(city, row)));
  }

  async get(actor: Actor, slug: string, surveyId: string) {
    const city = await this.authorized(actor, slug, 'survey.read');
    return this.present(city, await this.survey(city, surveyId));
  }

  async create(actor: Actor, slug: string, body: CreateSurveyBody, meta: RequestMeta) {
    const city = await this.authorized(actor, slug, 'survey.write');
    const { kind, name, ...design } = body;
    const issues = checkDesign({ kind, ...design });
    if (issues.length > 0) throw designProblem(issues, 'survey design');
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const created = await new SurveyRepository(tx).insertSurvey({
        cityId: city.id,
        kind,
        name,
        design,
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey.create',
          resourceType: 'survey',
          resourceId: created.id,
          scopeId: city.id,
          after: { kind, name, design },
          requestId: meta.requestId,
        },
        now,
      );
      return created;
    });
    return this.present(city, row);
  }

  /**
   * Changes the design. Once a wave has fielded the current version, the change makes a new version: the
   * wave keeps the instrument its respondents saw.
   */
  async update(actor: Actor, slug: string, surveyId: string, body: UpdateSurveyBody, meta: RequestMeta) {
    const city = await this.authorized(actor, slug, 'survey.write');
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const repository = new SurveyRepository(tx);
      const before = await repository.findSurvey(city.id, surveyId, 'update');
      if (!before) throw notFound(`${city.name} has no survey ${surveyId}.`);
      const { name, ...changes } = body;
      const design = { ...before.design, ...changes };
      const issues = checkDesign({ kind: before.kind as InstrumentDesign['kind'], ...design });
      if (issues.length > 0) throw designProblem(issues, 'survey design');
      const designChanged = JSON.stringify(design) !== JSON.stringify(before.design);
      const fielded = (await repository.wavesOf(city.id, surveyId)).some(
        (w) => w.instrument.version === before.version,
      );
      const version = designChanged && fielded ? before.version + 1 : before.version;
      const after = await repository.updateSurvey(city.id, surveyId, {
        ...(name !== undefined ? { name } : {}),
        design,
        version,
        updatedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey.update',
          resourceType: 'survey',
          resourceId: surveyId,
          scopeId: city.id,
          before: { name: before.name, design: before.design, version: before.version },
          after: { name: after.name, design: after.design, version: after.version },
          requestId: meta.requestId,
        },
        now,
      );
      return after;
    });
    return this.present(city, row);
  }

  async createWave(actor: Actor, slug: string, surveyId: string, body: CreateWaveBody, meta: RequestMeta) {
    const city = await this.authorized(actor, slug, 'survey.write');
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    if (!(opensAt < closesAt))
      throw badRequest('The wave must close after it opens.', [
        { field: 'closesAt', message: 'must be after opensAt' },
      ]);
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const repository = new SurveyRepository(tx);
      const survey = await repository.findSurvey(city.id, surveyId, 'update');
      if (!survey) throw notFound(`${city.name} has no survey ${surveyId}.`);
      const instrument = buildInstrument(designOf(survey), survey.version);
      const languages = body.languages ?? [...instrument.languages];
      const wave = await repository.insertWave({
        cityId: city.id,
        surveyId,
        name: body.name,
        code: newWaveCode(),
        instrument,
        opensAt,
        closesAt,
        languages,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey-wave.create',
          resourceType: 'survey-wave',
          resourceId: wave.id,
          scopeId: city.id,
          after: { surveyId, name: wave.name, version: instrument.version, opensAt, closesAt, languages },
          requestId: meta.requestId,
        },
        now,
      );
      return wave;
    });
    return this.presentWave(city, row);
  }

  async getWave(actor: Actor, slug: string, waveId: string) {
    const city = await this.authorized(actor, slug, 'survey.read');
    return this.presentWave(city, await this.wave(city, waveId));
  }

  async updateWave(actor: Actor, slug: string, waveId: string, body: UpdateWaveBody, meta: RequestMeta) {
    const city = await this.authorized(actor, slug, 'survey.write');
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const repository = new SurveyRepository(tx);
      const before = await repository.findWave(city.id, waveId, 'update');
      if (!before) throw notFound(`${city.name} has no survey wave ${waveId}.`);
      const opensAt = body.opensAt !== undefined ? new Date(body.opensAt) : before.opensAt;
      const closesAt = body.closesAt !== undefined ? new Date(body.closesAt) : before.closesAt;
      if (!(opensAt < closesAt))
        throw badRequest('The wave must close after it opens.', [
          { field: 'closesAt', message: 'must be after opensAt' },
        ]);
      const after = await repository.updateWave(city.id, waveId, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.languages !== undefined ? { languages: body.languages } : {}),
        opensAt,
        closesAt,
        updatedAt: now,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey-wave.update',
          resourceType: 'survey-wave',
          resourceId: waveId,
          scopeId: city.id,
          before: {
            name: before.name,
            opensAt: before.opensAt,
            closesAt: before.closesAt,
            languages: before.languages,
          },
          after: { name: after.name, opensAt: after.opensAt, closesAt: after.closesAt, languages: after.languages },
          requestId: meta.requestId,
        },
        now,
      );
      return after;
    });
    // The public pages of this process answer from the changed wave at once (its own notice comes moments later).
    this.ctx.notices?.echo(CHANNELS.surveyWaves, city.id);
    return this.presentWave(city, row);
  }

  /** The census margins a wave is weighted to; refused whole when they do not fit the instrument or add up. */
  async setMargins(actor: Actor, slug: string, waveId: string, margins: PopulationMargins, meta: RequestMeta) {
    const city = await this.authorized(actor, slug, 'survey.write');
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const repository = new SurveyRepository(tx);
      const before = await repository.findWave(city.id, waveId, 'update');
      if (!before) throw notFound(`${city.name} has no survey wave ${waveId}.`);
      const issues = checkMargins(before.instrument, margins);
      if (issues.length > 0) throw designProblem(issues, 'margin table');
      const after = await repository.updateWave(city.id, waveId, { margins, updatedAt: now });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey-wave.margins',
          resourceType: 'survey-wave',
          resourceId: waveId,
          scopeId: city.id,
          before: before.margins,
          after: margins,
          requestId: meta.requestId,
        },
        now,
      );
      return after;
    });
    return this.presentWave(city, row);
  }

  /** The city (by slug) when the actor may do this to its surveys. */
  async authorized(actor: Actor, slug: string, action: SurveyAction): Promise<CityRef> {
    const city = await this.cycles.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    if (!can(actor, action, { cityId: city.id, countryIso2: city.countryIso2 })) throw forbidden();
    return city;
  }

  async wave(city: CityRef, waveId: string): Promise<WaveRow> {
    const wave = await this.repository.findWave(city.id, waveId);
    if (!wave) throw notFound(`${city.name} has no survey wave ${waveId}.`);
    return wave;
  }

  private async survey(city: CityRef, surveyId: string): Promise<SurveyRow> {
    const survey = await this.repository.findSurvey(city.id, surveyId);
    if (!survey) throw notFound(`${city.name} has no survey ${surveyId}.`);
    return survey;
  }

  private async present(city: CityRef, row: SurveyRow) {
    const waves = await this.repository.wavesOf(city.id, row.id);
    const instrument: Instrument = buildInstrument(designOf(row), row.version);
    return presentSurvey(this.ctx.settings.publicUrl, city, row, instrument, waves);
  }

  private async presentWave(city: CityRef, row: WaveRow) {
    const counts = await this.repository.counts(city.id, row.id);
    return presentWave(this.ctx.settings.publicUrl, city, row, counts, this.ctx.now());
  }
}

/** Is a language one a wave offers? */
export function offers(wave: Pick<WaveRow, 'languages'>, lang: string): lang is Lang {
  return wave.languages.includes(lang);
}
