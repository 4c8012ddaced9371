import {
  checkObservation,
  estimateWave,
  findMeasurement,
  SurveyCalibrationError,
  type SurveyProvenance,
  type WaveEstimates,
  type WaveEstimatesOut,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { CycleRepository } from '../monitoring/cycle.repository.ts';
import { localMeasurementRules } from '../monitoring/local-measurement.service.ts';
import { SurveyRepository, type WaveRow } from './survey.repository.ts';
import { SurveyService } from './survey.service.ts';

const CONFIDENCE = 0.95;
const EDITABLE = ['draft', 'returned'];

/** Figures as JSON can carry them: a non-finite number (an undefined change) becomes null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Rounded for an observation: two decimals are more than any survey's precision. */
function rounded(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
}

function present(waveId: string, result: WaveEstimates): WaveEstimatesOut {
  const rake = result.weighting.rake;
  return {
    wave: waveId,
    minCell: result.minCell,
    weighting: {
      ...result.weighting,
      rake: rake ? { ...rake, maxChange: finite(rake.maxChange) } : null,
    },
    estimates: result.estimates,
  };
}

/**
 * A wave's estimates from its submitted responses (weighted to its margins by the engine of core), and
 * "use these estimates": their values written as observations of the city's cycle with their provenance.
 */
export class WaveEstimateService {
  private readonly surveys: SurveyService;
  private readonly repository: SurveyRepository;

  constructor(private readonly ctx: AppContext) {
    this.surveys = new SurveyService(ctx);
    this.repository = new SurveyRepository(ctx.db);
  }

  async estimates(actor: Actor, slug: string, waveId: string): Promise<WaveEstimatesOut> {
    const city = await this.surveys.authorized(actor, slug, 'survey.read');
    const wave = await this.surveys.wave(city, waveId);
    return present(wave.id, await this.compute(city.id, wave));
  }

  async use(actor: Actor, slug: string, waveId: string, year: number, only: string[] | undefined, meta: RequestMeta) {
    const city = await this.surveys.authorized(actor, slug, 'survey.write');
    const wave = await this.surveys.wave(city, waveId);
    const result = await this.compute(city.id, wave);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const cycles = new CycleRepository(tx);
      const cycle = await cycles.lockCycle(city.id, year);
      if (!cycle) throw conflict(`${city.name} has no ${year} cycle: open it first, then use the estimates.`);
      if (!EDITABLE.includes(cycle.state)) {
        throw conflict(`The ${year} cycle of ${city.name} is ${cycle.state}: it cannot be changed now.`);
      }
      const around = await cycles.observationsOf(city.id, [year - 1, year]);
      const written: { measurementId: string; breakdown: string; value: string }[] = [];
      const skipped: { measurementId: string; breakdown: string; reason: string }[] = [];
      for (const e of result.estimates) {
        if (only && !only.includes(e.measurementId)) continue;
        const where = { measurementId: e.measurementId, breakdown: e.breakdown };
        if (e.suppressed || e.value === null || e.se === null || e.ci === null) {
          skipped.push({ ...where, reason: `fewer than ${result.minCell} respondents (${e.n}): suppressed` });
          continue;
        }
        const measurement =
          findMeasurement(e.measurementId) ??
          (await localMeasurementRules(tx, city.id, e.measurementId, { hold: true }));
        if (!measurement) {
          skipped.push({ ...where, reason: `${city.name} has no measurement ${e.measurementId}` });
          continue;
        }
        const value = rounded(e.value);
        const sameYear = new Map(
          around
            .filter((o) => o.year === year && o.measurementId === e.measurementId && o.breakdown !== e.breakdown)
            .map((o) => [o.breakdown, Number(o.value)]),
        );
        const previous = around.find(
          (o) => o.year === year - 1 && o.measurementId === e.measurementId && o.breakdown === e.breakdown,
        );
        const check = checkObservation(
          measurement,
          { breakdown: e.breakdown, value: Number(value) },
          { year, sameYear, previousYear: previous ? Number(previous.value) : undefined },
        );
        if (check.errors.length > 0) {
          skipped.push({ ...where, reason: check.errors.map((i) => i.message).join('; ') });
          continue;
        }
        const provenance: SurveyProvenance = {
          kind: 'survey-wave',
          waveId: wave.id,
          waveName: wave.name,
          instrumentVersion: wave.instrument.version,
          n: e.n,
          se: Number(e.se.toPrecision(6)),
          ci: [Number(e.ci[0].toPrecision(6)), Number(e.ci[1].toPrecision(6))],
          confidenceLevel: CONFIDENCE,
          weighting: result.weighting.method,
        };
        const values = {
          cityId: city.id,
          year,
          measurementId: e.measurementId,
          breakdown: e.breakdown,
          value,
          unit: measurement.unit,
          sourceDetail: `Survey wave "${wave.name}" (${wave.instrument.kind} survey, version ${wave.instrument.version}): n = ${e.n}, standard error ${rounded(e.se)}, 95% interval ${rounded(e.ci[0])}–${rounded(e.ci[1])}, ${result.weighting.method}`,
          note: null,
          provenance: 'survey-estimate',
          provenanceDetail: provenance,
          electionYear: null,
          warningsConfirmed: false,
          updatedAt: now,
          updatedBy: actor.userId,
        };
        const before = around.find(
          (o) => o.year === year && o.measurementId === e.measurementId && o.breakdown === e.breakdown,
        );
        const saved = before
          ? await cycles.updateObservation(values, before.version)
          : await cycles.insertObservation(values);
        if (!saved) throw conflict(`${e.measurementId} (${e.breakdown}) changed meanwhile: try again.`);
        await appendAudit(
          tx,
          {
            actorId: actor.userId,
            action: 'observation.survey-estimate',
            resourceType: 'observation',
            resourceId: `${slug}/${year}/${e.measurementId}/${e.breakdown}`,
            scopeId: city.id,
            before: before ? { value: before.value, provenance: before.provenance, version: before.version } : null,
            after: { value: saved.value, provenance: provenance, version: saved.version },
            requestId: meta.requestId,
          },
          now,
        );
        written.push({ ...where, value });
      }
      return { year, written, skipped };
    });
  }

  private async compute(cityId: string, wave: WaveRow): Promise<WaveEstimates> {
    const responses = await this.repository.submittedAnswers(cityId, wave.id);
    try {
      return estimateWave(wave.instrument, responses, wave.margins ?? null, { confidenceLevel: CONFIDENCE });
    } catch (error) {
      if (error instanceof SurveyCalibrationError) {
        throw conflict(`The responses cannot be weighted to the margins: ${error.message}.`);
      }
      throw error;
    }
  }
}
