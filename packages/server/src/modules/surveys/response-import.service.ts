import { createHash } from 'node:crypto';
import type { ImportError, Lang } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { HttpProblem, PROBLEM_TYPES } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import { hashToken } from '../../platform/security/tokens.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { readResponseCsv } from './response-import.ts';
import { SurveyRepository } from './survey.repository.ts';
import { SurveyService } from './survey.service.ts';
import { writeXlsform, xlsformSheets } from './xlsform.ts';

/** A refused import: every error of the file, nothing imported. */
export class ImportRefused extends HttpProblem {
  constructor(
    detail: string,
    readonly importErrors: ImportError[],
  ) {
    super(422, PROBLEM_TYPES.validation, 'The file has errors', detail);
  }
}

export interface ResponseImportSummary {
  file: string;
  sha256: string;
  rows: number;
  imported: number;
  /** Submissions already imported from an earlier file (same instance id): counted once. */
  duplicates: number;
}

/**
 * Fieldwork with KoboToolbox or ODK Collect: a wave's instrument as an XLSForm, and their CSV exports (or
 * another agency's microdata with a column mapping) back as responses, all or nothing.
 */
export class ResponseImportService {
  private readonly surveys: SurveyService;

  constructor(private readonly ctx: AppContext) {
    this.surveys = new SurveyService(ctx);
  }

  /** Checked before the upload is read, so a refused import costs no upload. */
  async authorize(actor: Actor, slug: string): Promise<void> {
    await this.surveys.authorized(actor, slug, 'survey.write');
  }

  async xlsform(actor: Actor, slug: string, waveId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const city = await this.surveys.authorized(actor, slug, 'survey.read');
    const wave = await this.surveys.wave(city, waveId);
    const formId = `lco_${wave.instrument.kind}_${wave.code}`.replace(/[^A-Za-z0-9_]/g, '_');
    const sheets = xlsformSheets(wave.instrument, wave.languages as Lang[], `${city.name}: ${wave.name}`, formId);
    return { fileName: `${formId}.xlsx`, bytes: await writeXlsform(sheets) };
  }

  async import(
    actor: Actor,
    slug: string,
    waveId: string,
    file: { name: string; bytes: Buffer },
    columnMap: Map<string, string>,
    meta: RequestMeta,
  ): Promise<ResponseImportSummary> {
    const city = await this.surveys.authorized(actor, slug, 'survey.write');
    const wave = await this.surveys.wave(city, waveId);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    } catch {
      throw new ImportRefused(`${file.name} is not UTF-8 text: export it again as CSV (UTF-8).`, [
        { field: 'file', message: 'not UTF-8 text', row: null, column: null },
      ]);
    }
    const parsed = readResponseCsv(wave.instrument, text, columnMap);
    if (parsed.errors.length > 0) {
      const count = parsed.errors.length;
      throw new ImportRefused(
        `${count} error${count === 1 ? '' : 's'} in ${file.name}: nothing was imported. ${parsed.errors
          .slice(0, 3)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ')}${count > 3 ? '; …' : ''}`,
        parsed.errors,
      );
    }
    const lang = (wave.languages[0] ?? 'en') as Lang;
    const rows = parsed.responses.map((r, index) => ({
      // Keyed by the submission's instance id, so importing the same export twice counts each once; a file
      // without ids is keyed by its content and row.
      tokenHash: hashToken(`import:${wave.id}:${r.instanceId ?? `${sha256}:${index}`}`),
      answers: r.answers,
      lang,
    }));
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const imported = await new SurveyRepository(tx).insertImported(city.id, wave.id, rows, now);
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'survey-wave.import',
          resourceType: 'survey-wave',
          resourceId: wave.id,
          scopeId: city.id,
          after: { file: file.name, sha256, rows: parsed.rows, imported, duplicates: rows.length - imported },
          requestId: meta.requestId,
        },
        now,
      );
      return { file: file.name, sha256, rows: parsed.rows, imported, duplicates: rows.length - imported };
    });
  }
}
