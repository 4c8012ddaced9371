import type { Readable } from 'node:stream';
import { breakdownKeys, type CycleState, findMeasurement } from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import {
  contentDisposition,
  PLAIN_TEXT,
  type SniffedType,
  safeFileName,
  sniffContent,
} from '../../platform/files/content.ts';
import { opener, receiveUpload, type StoredUpload, scanOrRefuse, type Upload } from '../../platform/files/upload.ts';
import { badRequest, conflict, forbidden, HttpProblem, notFound, PROBLEM_TYPES } from '../../platform/http/problem.ts';
import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { isAssignedReviewer } from '../reviews/review.repository.ts';
import { type CityScope, type CycleAction, can } from './cycle.policy.ts';
import { type CityRef, CycleRepository, type CycleRow } from './cycle.repository.ts';
import { EvidenceRepository, type EvidenceRow, type EvidenceWithUploader } from './evidence.repository.ts';
import {
  type EvidenceFileFields,
  EvidenceFileFieldsSchema,
  type EvidenceLinkBody,
  type EvidenceOut,
} from './evidence.schema.ts';
import { localMeasurementRules } from './local-measurement.service.ts';

export interface Download {
  stream: Readable;
  contentType: string;
  contentDisposition: string;
  size: number;
}

/**
 * What may be uploaded, by the type sniffed from the content: documents, images, spreadsheets and text.
 * Extensions listed beside the canonical one are accepted as they are in a file name.
 */
const ALLOWED: ReadonlyMap<string, { ext: string; aliases: readonly string[] }> = new Map([
  ['application/pdf', { ext: 'pdf', aliases: [] }],
  ['image/png', { ext: 'png', aliases: [] }],
  ['image/jpeg', { ext: 'jpg', aliases: ['jpeg'] }],
  ['image/webp', { ext: 'webp', aliases: [] }],
  ['image/gif', { ext: 'gif', aliases: [] }],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { ext: 'xlsx', aliases: [] }],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', { ext: 'docx', aliases: [] }],
  ['application/vnd.oasis.opendocument.spreadsheet', { ext: 'ods', aliases: [] }],
  ['application/vnd.oasis.opendocument.text', { ext: 'odt', aliases: [] }],
  ['text/csv', { ext: 'csv', aliases: [] }],
  ['text/plain', { ext: 'txt', aliases: ['text', 'md'] }],
]);

const EDITABLE: readonly CycleState[] = ['draft', 'returned'];

/**
 * Evidence of a cycle: files and links backing its figures. The city team adds and removes them while
 * the cycle is editable; they are read by whoever may read the cycle (everyone once it is accepted).
 */
export class EvidenceService {
  private readonly cycles: CycleRepository;
  private readonly repository: EvidenceRepository;

  constructor(private readonly ctx: AppContext) {
    this.cycles = new CycleRepository(ctx.db);
    this.repository = new EvidenceRepository(ctx.db);
  }

  async list(actor: Actor | null, slug: string, year: number): Promise<EvidenceOut[]> {
    const city = await this.readable(actor, slug, year);
    const rows = await this.repository.list(city.id, year);
    return rows.map((row) => present(city, row));
  }

  async download(actor: Actor | null, slug: string, year: number, id: string): Promise<Download> {
    const city = await this.readable(actor, slug, year);
    const found = await this.repository.find(city.id, year, id);
    if (!found) throw notFound(`No evidence ${id} in the ${year} cycle of ${city.name}.`);
    const row = found.evidence;
    if (row.kind !== 'file' || !row.storageKey || !row.contentType || !row.fileName) {
      throw notFound(`Evidence ${id} is a link, not a file: follow its url.`);
    }
    const stream = await this.ctx.files.get(row.storageKey);
    if (!stream) throw notFound(`The file of evidence ${id} is missing from storage.`);
    return {
      stream,
      contentType: row.contentType.startsWith('text/') ? `${row.contentType}; charset=utf-8` : row.contentType,
      contentDisposition: contentDisposition(row.fileName),
      size: row.size ?? 0,
    };
  }

  /**
   * Store one uploaded file: authorised before a byte is read, streamed to storage with its size limit,
   * hashed, typed from its content, scanned, then recorded and audited in one transaction. Whatever
   * fails after storing removes the stored file again.
   */
  async upload(actor: Actor, slug: string, year: number, upload: Upload, meta: RequestMeta): Promise<EvidenceOut> {
    const city = await this.writable(actor, slug, year);
    const max = this.ctx.settings.evidenceMaxBytes;
    const stored = await receiveUpload(this.ctx.files, upload, { maxBytes: max, tooLarge: () => tooLarge(max) });
    try {
      return await this.record(actor, city, year, stored, parseFields(stored.fields), meta);
    } catch (error) {
      await this.ctx.files.delete(stored.key);
      throw error;
    }
  }

  async addLink(actor: Actor, slug: string, year: number, body: EvidenceLinkBody, meta: RequestMeta) {
    const city = await this.writable(actor, slug, year);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      await this.lockEditable(tx, city, year);
      const target = await this.target(tx, city, body.measurementId, body.breakdown);
      const row = await new EvidenceRepository(tx).insert({
        cityId: city.id,
        year,
        ...target,
        kind: 'link',
        url: new URL(body.url).href,
        title: body.title,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      await this.audit(tx, actor, city, row, 'evidence.link', meta, now);
      return present(city, { evidence: row, uploaderName: await this.nameOf(tx, city, year, row.id) });
    });
  }

  async delete(actor: Actor, slug: string, year: number, id: string, meta: RequestMeta): Promise<void> {
    const city = await this.writable(actor, slug, year);
    const now = this.ctx.now();
    const removed = await this.ctx.db.transaction(async (tx) => {
      await this.lockEditable(tx, city, year);
      const row = await new EvidenceRepository(tx).delete(city.id, year, id);
      if (!row) throw notFound(`No evidence ${id} in the ${year} cycle of ${city.name}.`);
      await this.audit(tx, actor, city, row, 'evidence.delete', meta, now);
      return row;
    });
    // After the commit: a file whose record is gone is never served; the record never points at nothing.
    if (removed.storageKey) await this.ctx.files.delete(removed.storageKey);
  }

  // Internals

  private async record(
    actor: Actor,
    city: CityRef,
    year: number,
    stored: StoredUpload,
    fields: EvidenceFileFields,
    meta: RequestMeta,
  ): Promise<EvidenceOut> {
    const open = opener(this.ctx.files, stored.key);
    const type = acceptedType(await sniffContent(open), stored.fileName);
    const scanner = await scanOrRefuse(this.ctx.scanner, open, stored.size);
    const allowed = ALLOWED.get(type.mime);
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      await this.lockEditable(tx, city, year);
      const target = await this.target(tx, city, fields.measurementId, fields.breakdown);
      const row = await new EvidenceRepository(tx).insert({
        cityId: city.id,
        year,
        ...target,
        kind: 'file',
        title: fields.title ?? null,
        fileName: safeFileName(stored.fileName, type, allowed?.aliases),
        contentType: type.mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        scanner,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      await this.audit(tx, actor, city, row, 'evidence.upload', meta, now);
      return present(city, { evidence: row, uploaderName: await this.nameOf(tx, city, year, row.id) });
    });
  }

  /** The measurement and breakdown evidence is for, checked: a catalogue one, or a local one of this city. */
  private async target(tx: Database, city: CityRef, measurementId?: string, breakdown?: string) {
    if (measurementId === undefined) {
      if (breakdown !== undefined) {
        throw badRequest('A breakdown needs its measurement.', [{ field: 'measurementId', message: 'is missing' }]);
      }
      return { measurementId: null, breakdown: null };
    }
    // Held until the commit, so a local measurement cannot be deleted from under its new evidence.
    const measurement =
      findMeasurement(measurementId) ?? (await localMeasurementRules(tx, city.id, measurementId, { hold: true }));
    if (!measurement) {
      throw badRequest(`No measurement "${measurementId}" in the Key Features or ${city.name}'s local measurements.`, [
        { field: 'measurementId', message: 'is unknown' },
      ]);
    }
    if (breakdown !== undefined && !breakdownKeys(measurement).includes(breakdown)) {
      throw badRequest(`${measurementId} has no breakdown "${breakdown}".`, [
        { field: 'breakdown', message: `is one of ${breakdownKeys(measurement).join(', ')}` },
      ]);
    }
    return { measurementId, breakdown: breakdown ?? null };
  }

  /** The cycle, locked for the transaction and still editable: a submit in between wins cleanly. */
  private async lockEditable(tx: Database, city: CityRef, year: number): Promise<CycleRow> {
    const cycle = await new CycleRepository(tx).lockCycle(city.id, year);
    if (!cycle) throw notFound(`${city.name} has no cycle for ${year}.`);
    if (!EDITABLE.includes(cycle.state as CycleState)) {
      throw conflict(`The ${year} cycle of ${city.name} is ${cycle.state}: its evidence cannot be changed now.`);
    }
    return cycle;
  }

  /** The city team, while the cycle is a draft or returned: checked before any upload is read. */
  private async writable(actor: Actor, slug: string, year: number): Promise<CityRef> {
    const city = await this.city(slug);
    if (!this.allowed(actor, 'observation.write', city)) throw forbidden();
    const cycle = await this.cycles.findCycle(city.id, year);
    if (!cycle) throw notFound(`${city.name} has no cycle for ${year}.`);
    if (!EDITABLE.includes(cycle.state as CycleState)) {
      throw conflict(`The ${year} cycle of ${city.name} is ${cycle.state}: its evidence cannot be changed now.`);
    }
    return city;
  }

  /**
   * Evidence is as visible as its cycle: an unpublished cycle's does not exist for the public. The expert
   * reviewers assigned to the cycle read it too: it is what they rate.
   */
  private async readable(actor: Actor | null, slug: string, year: number): Promise<CityRef> {
    const city = await this.city(slug);
    const cycle = await this.cycles.findCycle(city.id, year);
    const visible =
      cycle !== undefined &&
      (cycle.state === 'accepted' ||
        this.allowed(actor, 'cycle.read-unpublished', city) ||
        (actor !== null &&
          hasRole(actor, 'expert') &&
          (await isAssignedReviewer(this.ctx.db, actor.userId, city.id, year))));
    if (!visible) throw notFound(`${city.name} has no published monitoring cycle for ${year}.`);
    return city;
  }

  private async nameOf(tx: Database, city: CityRef, year: number, id: string): Promise<string | null> {
    return (await new EvidenceRepository(tx).find(city.id, year, id))?.uploaderName ?? null;
  }

  private async audit(
    tx: Database,
    actor: Actor,
    city: CityRef,
    row: EvidenceRow,
    action: 'evidence.upload' | 'evidence.link' | 'evidence.delete',
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    const view = {
      kind: row.kind,
      measurementId: row.measurementId,
      breakdown: row.breakdown,
      title: row.title,
      url: row.url,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      sha256: row.sha256,
      scanner: row.scanner,
    };
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        action,
        resourceType: 'evidence',
        resourceId: `${city.slug}/${row.year}/evidence/${row.id}`,
        scopeId: city.id,
        ...(action === 'evidence.delete' ? { before: view } : { after: view }),
        requestId: meta.requestId,
      },
      now,
    );
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await this.cycles.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }

  private allowed(actor: Actor | null, action: CycleAction, city: CityRef): boolean {
    const scope: CityScope = { cityId: city.id, countryIso2: city.countryIso2 };
    return can(actor, action, scope);
  }
}

function tooLarge(max: number): HttpProblem {
  const mb = Math.round((max / (1024 * 1024)) * 10) / 10;
  return new HttpProblem(
    413,
    PROBLEM_TYPES.payloadTooLarge,
    'File too large',
    `An evidence file may be at most ${mb} MB. Link to larger documents instead.`,
  );
}

/** The sniffed type if it is one we accept; plain text named .csv is CSV. Anything else is refused. */
function acceptedType(sniffed: SniffedType | undefined, fileName: string): SniffedType {
  if (sniffed === PLAIN_TEXT) {
    return /\.csv$/i.test(fileName.trim()) ? { mime: 'text/csv', ext: 'csv' } : PLAIN_TEXT;
  }
  if (sniffed && ALLOWED.has(sniffed.mime)) return sniffed;
  throw new HttpProblem(
    415,
    PROBLEM_TYPES.unsupportedMediaType,
    'File type not accepted',
    `${sniffed ? `This file is ${sniffed.mime}` : 'This file is of no type we recognise'}, whatever its name says. ` +
      'Evidence may be PDF, PNG, JPEG, WebP, GIF, XLSX, DOCX, ODS, ODT, CSV or plain text.',
  );
}

function parseFields(fields: Record<string, string>): EvidenceFileFields {
  const parsed = EvidenceFileFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'form',
    message: issue.message,
  }));
  throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

function present(city: CityRef, { evidence: row, uploaderName }: EvidenceWithUploader): EvidenceOut {
  return {
    id: row.id,
    kind: row.kind as EvidenceOut['kind'],
    measurementId: row.measurementId,
    breakdown: row.breakdown,
    title: row.title,
    url: row.url,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    downloadPath: row.kind === 'file' ? `/api/v1/cities/${city.slug}/cycles/${row.year}/evidence/${row.id}` : null,
    uploadedBy: uploaderName,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
