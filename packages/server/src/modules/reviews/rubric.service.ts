import { catalogue, expertRubrics, type RubricLevels, type RubricOut, type SaveRubricBody } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { can } from './review.policy.ts';
import { isExpertMeasurement, reviewProblem } from './review.problems.ts';
import { ReviewRepository, type RubricRow } from './review.repository.ts';

/** What the rubrics look like as seed rows: the versions shipped in @lco/core. */
export function rubricSeed() {
  return expertRubrics.map((rubric) => ({
    measurementId: rubric.measurementId,
    seedVersion: rubric.version,
    frameworkVersion: rubric.frameworkVersion,
    levels: Object.fromEntries(rubric.levels.map((l) => [String(l.value), l.description])) as RubricLevels,
  }));
}

/** Store each shipped rubric once; the secretariat's later versions stay the current ones until a new seed. */
export async function seedRubrics(repository: ReviewRepository, seed: ReturnType<typeof rubricSeed>, at: Date) {
  for (const rubric of seed) await repository.seedRubric({ ...rubric, createdAt: at });
}

/** Rubrics: public methodology, versioned; the secretariat's edits are new versions, never overwrites. */
export class RubricService {
  private readonly repository: ReviewRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new ReviewRepository(ctx.db);
  }

  async list(): Promise<RubricOut[]> {
    return (await this.repository.latestRubrics()).map(presentRubric);
  }

  async history(measurementId: string): Promise<RubricOut[]> {
    const rows = await this.repository.rubricHistory(measurementId);
    if (rows.length === 0) throw notFound(`No rubric for "${measurementId}".`);
    return rows.map(presentRubric);
  }

  async save(actor: Actor, measurementId: string, body: SaveRubricBody, meta: RequestMeta): Promise<RubricOut> {
    if (!can(actor, 'rubric.write', { cityId: null, countryIso2: null, personId: null })) throw forbidden();
    if (!isExpertMeasurement(measurementId)) {
      throw reviewProblem('notExpertMeasurement', `"${measurementId}" is not rated by experts, so it has no rubric.`);
    }
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new ReviewRepository(tx);
      const [latest] = await repository.rubricHistory(measurementId);
      if (latest && latest.version !== body.expectedVersion) {
        throw conflict(
          `The rubric of ${measurementId} is at version ${latest.version}, not ${body.expectedVersion}. Reload and try again.`,
        );
      }
      const saved = await repository.insertRubric({
        measurementId,
        version: (latest?.version ?? 0) + 1,
        frameworkVersion: latest?.frameworkVersion ?? catalogue.version,
        levels: body.levels,
        source: 'secretariat',
        createdAt: now,
        createdBy: actor.userId,
      });
      if (!saved) throw conflict(`Someone saved the rubric of ${measurementId} meanwhile. Reload and try again.`);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'rubric.save',
          resourceType: 'rubric',
          resourceId: `${measurementId}/${saved.version}`,
          before: latest ? { version: latest.version, levels: latest.levels } : null,
          after: { version: saved.version, levels: saved.levels },
          requestId: meta.requestId,
        },
        now,
      );
      return presentRubric(saved);
    });
  }
}

export function presentRubric(row: RubricRow): RubricOut {
  return {
    measurementId: row.measurementId,
    version: row.version,
    frameworkVersion: row.frameworkVersion,
    levels: row.levels,
    source: row.source === 'seed' ? 'seed' : 'secretariat',
    createdAt: row.createdAt.toISOString(),
    createdBy: null,
  };
}
