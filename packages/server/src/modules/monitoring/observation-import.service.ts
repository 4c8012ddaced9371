import { createHash } from 'node:crypto';
import {
  allMeasurements,
  breakdownKeys,
  type CycleState,
  type FileFormat,
  findMeasurement,
  type ImportError,
  type ImportSummary,
} from '@lco/core';
import { type AuditEntry, appendAudits } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, forbidden, notFound, unauthorized } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { type CityRef, CycleRepository } from './cycle.repository.ts';
import { LocalMeasurementRepository } from './local-measurement.repository.ts';
import { isLocalMeasurementId, localMeasurementRules } from './local-measurement.service.ts';
import {
  checkRows,
  type FileRow,
  type FileScope,
  issue,
  type ParsedRow,
  parseRows,
  type RulesMeasurement,
  readObservationFile,
  SeriesIndex,
  sortErrors,
  writeObservationFile,
} from './observation-file.ts';
import { can, type ImportAction } from './observation-import.policy.ts';
import { type CycleKey, type ImportedRow, ObservationImportRepository } from './observation-import.repository.ts';

/**
 * Who asks: a person (or nobody, for public reads), checked by policy; or the operator at the server's
 * command line, who holds the database anyway.
 */
export type Caller = { actor: Actor | null } | { operator: true };
export const OPERATOR: Caller = { operator: true };

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Check and count, then roll everything back. */
  dryRun: boolean;
  meta: RequestMeta | null;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

const EDITABLE: readonly string[] = ['draft', 'returned'] satisfies CycleState[];
const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Thrown inside the transaction to undo it (a file with errors, a dry run) while handing out the summary. */
class Rollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('rolled back');
  }
}

/**
 * Observations in and out as files (issue #4). An import is all-or-nothing: any error in the file changes
 * nothing and every error is reported with its row and column; a clean file is applied in one transaction
 * with set-based statements; the same file again changes nothing. Importing into a year without a cycle
 * opens a draft; a submitted or accepted cycle is refused.
 */
export class ObservationImportService {
  constructor(private readonly ctx: Pick<AppContext, 'db' | 'now'>) {}

  /**
   * Import one city's values for one year. The caller is authorized before the file is read, so a stranger's
   * upload is refused unread.
   */
  async importCity(
    caller: Caller,
    slug: string,
    year: number,
    readFile: () => Promise<ImportFile>,
    options: ImportOptions,
  ): Promise<ImportSummary> {
    const city = await this.city(slug);
    this.authorize(caller, 'observations.import', city);
    const file = await readFile();
    return this.apply(caller, { kind: 'city', city: city.slug, year }, file, options, city);
  }

  /**
   * A network-wide back-fill: one file with city and year columns, for the network staff (or the operator).
   * All-or-nothing for the whole file; a submitted or accepted cycle in it is an error of its rows.
   */
  async importNetwork(
    caller: Caller,
    readFile: () => Promise<ImportFile>,
    options: ImportOptions,
  ): Promise<ImportSummary> {
    this.authorize(caller, 'observations.import-network', null);
    const file = await readFile();
    return this.apply(caller, { kind: 'network' }, file, options, null);
  }

  /**
   * A city's year as a file: its values, or (template) every measurement and breakdown filled with what is
   * known. Accepted cycles are public; others only for those who may read them, and do not exist for the rest.
   */
  async export(
    caller: Caller,
    slug: string,
    year: number,
    options: { format: FileFormat; template: boolean },
  ): Promise<ExportedFile> {
    const city = await this.city(slug);
    const cycles = new CycleRepository(this.ctx.db);
    const cycle = await cycles.findCycle(city.id, year);
    if (cycle?.state !== 'accepted' && !this.allowed(caller, 'observations.export-unpublished', city)) {
      throw notFound(`${city.name} has no published monitoring cycle for ${year}.`);
    }
    if (!cycle && !options.template) {
      throw notFound(`${city.name} has no cycle for ${year} yet: ask for the template to start one.`);
    }
    const stored = await cycles.observationsOf(city.id, [year]);
    const locals = await new LocalMeasurementRepository(this.ctx.db).list(city.id);
    // Catalogue order, then the city's own measurements: the order a person reads the framework in.
    const listed: { measurementId: string; breakdown: string; unit: string; name: string }[] = [];
    for (const m of allMeasurements()) {
      for (const breakdown of breakdownKeys(m))
        listed.push({ measurementId: m.id, breakdown, unit: m.unit, name: m.name });
    }
    for (const l of locals) {
      const name = l.names.en ?? Object.values(l.names)[0] ?? l.id;
      for (const breakdown of breakdownKeys(l)) listed.push({ measurementId: l.id, breakdown, unit: l.unit, name });
    }
    const byKey = new Map(stored.map((o) => [`${o.measurementId}|${o.breakdown}`, o]));
    const rows: FileRow[] = [];
    const blank = { value: null, source: null, note: null, election_year: null };
    for (const item of listed) {
      const key = `${item.measurementId}|${item.breakdown}`;
      const o = byKey.get(key);
      byKey.delete(key);
      if (!o && !options.template) continue;
      rows.push({
        measurement_id: item.measurementId,
        breakdown: item.breakdown,
        year,
        unit: item.unit,
        measurement_name: item.name,
        ...(o ? { value: o.value, source: o.sourceDetail, note: o.note, election_year: o.electionYear } : blank),
      });
    }
    // Values whose measurement is gone from the lists (a local measurement removed) still go out.
    for (const o of byKey.values()) {
      rows.push({
        measurement_id: o.measurementId,
        breakdown: o.breakdown,
        year,
        value: o.value,
        unit: o.unit,
        source: o.sourceDetail,
        note: o.note,
        election_year: o.electionYear,
        measurement_name: null,
      });
    }
    return {
      fileName: `${city.slug}-${year}-${options.template ? 'template' : 'observations'}.${options.format}`,
      contentType: CONTENT_TYPES[options.format],
      body: await writeObservationFile(rows, options.format),
      rows: rows.length,
    };
  }

  // Internals

  private async apply(
    caller: Caller,
    scope: FileScope,
    file: ImportFile,
    options: ImportOptions,
    scopeCity: CityRef | null,
  ): Promise<ImportSummary> {
    const summary: ImportSummary = {
      file: file.name,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      format: null,
      dryRun: options.dryRun,
      rows: 0,
      skipped: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      openedCycles: [],
      warnings: [],
      errors: [],
    };
    const sheet = await readObservationFile(file.bytes, file.name);
    summary.format = sheet.format;
    summary.rows = sheet.rowCount;
    if (sheet.errors.length > 0) return { ...summary, errors: sortErrors(sheet.errors) };
    const parsed = parseRows(sheet, scope);
    summary.skipped = parsed.skipped;
    const errors: ImportError[] = [...parsed.errors];

    const known = scopeCity
      ? [scopeCity]
      : await new ObservationImportRepository(this.ctx.db).citiesBySlug([...new Set(parsed.rows.map((r) => r.city))]);
    const bySlug = new Map(known.map((c) => [c.slug, c]));
    let rows = parsed.rows.filter((r) => {
      if (bySlug.has(r.city)) return true;
      errors.push(issue(r.row, 'city', `no city "${r.city}" in the network directory`));
      return false;
    });
    const actorId = 'actor' in caller ? (caller.actor?.userId ?? null) : null;
    const now = this.ctx.now();

    try {
      return await this.ctx.db.transaction(async (tx) => {
        const repository = new ObservationImportRepository(tx);
        const cityIdOf = (r: ParsedRow) => bySlug.get(r.city)?.id ?? '';
        let cycles = groupByCycle(rows, cityIdOf);
        const keys = cycles.map((c) => c.key);
        // A city's import is refused whole when its cycle is locked, even for a file with nothing in it.
        const watched =
          scopeCity && scope.kind === 'city' ? uniqueKeys([...keys, { cityId: scopeCity.id, year: scope.year }]) : keys;
        const opened = await repository.openDrafts(keys, now, actorId, `opened by the import of ${file.name}`);
        const locked = await repository.lockCycles(watched);
        const frozen = new Map(locked.filter((c) => !EDITABLE.includes(c.state)).map((c) => [keyString(c), c.state]));
        if (frozen.size > 0) {
          if (scopeCity && scope.kind === 'city') {
            throw conflict(
              `The ${scope.year} cycle of ${scopeCity.name} is ${[...frozen.values()][0]}: it cannot be changed by an import.`,
            );
          }
          // One error per locked cycle, on its first row, rather than one per row.
          for (const { key, rows: held } of cycles) {
            const state = frozen.get(keyString(key));
            if (!state) continue;
            const first = held[0] as ParsedRow;
            errors.push(
              issue(
                first.row,
                'year',
                `the ${first.year} cycle of ${first.city} is ${state}: it cannot be changed (${held.length} row(s) of the file)`,
              ),
            );
          }
          cycles = cycles.filter((c) => !frozen.has(keyString(c.key)));
          rows = rows.filter((r) => !frozen.has(keyString({ cityId: cityIdOf(r), year: r.year })));
        }
        const locals = new Map<string, RulesMeasurement>();
        for (const r of rows) {
          if (!isLocalMeasurementId(r.measurementId)) continue;
          const key = `${r.city}|${r.measurementId}`;
          if (locals.has(key)) continue;
          // Held until the commit: a local measurement cannot be deleted while its values are imported.
          const rules = await localMeasurementRules(tx, bySlug.get(r.city)?.id ?? '', r.measurementId, {
            hold: true,
          });
          if (rules) locals.set(key, rules);
        }
        const slugOf = new Map(known.map((c) => [c.id, c.slug]));
        const measurementOf = (r: ParsedRow) =>
          findMeasurement(r.measurementId) ?? locals.get(`${r.city}|${r.measurementId}`);
        const stored = (await repository.storedValues(neededSeries(rows, measurementOf, cityIdOf))).map((s) => ({
          ...s,
          city: slugOf.get(s.cityId) ?? '',
        }));
        const checked = checkRows(rows, measurementOf, stored);
        errors.push(...checked.errors);
        summary.warnings = checked.warnings;
        if (errors.length > 0) throw new Rollback({ ...summary, errors: sortErrors(errors) });

        // Every row is valid from here on (any error rolled back above): the cycles hold exactly the rows to write.
        const imported = cycles.map(({ key, rows: held }) => ({
          key,
          rows: held.map(
            (r): ImportedRow => ({
              cityId: key.cityId,
              year: r.year,
              measurementId: r.measurementId,
              breakdown: r.breakdown,
              value: r.value,
              unit: measurementOf(r)?.unit ?? '',
              sourceDetail: r.source,
              note: r.note,
              electionYear: r.electionYear,
            }),
          ),
        }));
        const written = await repository.upsert(imported, now, actorId);
        // Counts per cycle, for the summary and for each city's audit record.
        const perCycle = new Map<
          string,
          { key: CycleKey; read: number; inserted: number; updated: number; opened: boolean }
        >();
        const cycleOf = (key: CycleKey) => {
          const id = keyString(key);
          let entry = perCycle.get(id);
          if (!entry) {
            entry = { key, read: 0, inserted: 0, updated: 0, opened: false };
            perCycle.set(id, entry);
          }
          return entry;
        };
        for (const c of cycles) cycleOf(c.key).read = c.rows.length;
        for (const w of written) {
          const entry = cycleOf(w);
          entry.inserted += w.inserted;
          entry.updated += w.updated;
        }
        for (const o of opened) cycleOf(o).opened = true;
        summary.inserted = written.reduce((sum, w) => sum + w.inserted, 0);
        summary.updated = written.reduce((sum, w) => sum + w.updated, 0);
        summary.unchanged = checked.rows.length - summary.inserted - summary.updated;
        summary.openedCycles = opened
          .map((o) => ({ city: slugOf.get(o.cityId) ?? '', year: o.year }))
          .sort((a, b) => a.city.localeCompare(b.city) || a.year - b.year);
        if (options.dryRun) throw new Rollback(summary);

        // One record per city, in its own audit trail: which file, its fingerprint, and what it changed.
        const records: AuditEntry[] = [];
        for (const city of known) {
          const changed = [...perCycle.values()]
            .filter((c) => c.key.cityId === city.id && (c.inserted > 0 || c.updated > 0 || c.opened))
            .sort((a, b) => a.key.year - b.key.year);
          if (changed.length === 0) continue;
          records.push({
            actorId,
            action: 'observation.import',
            resourceType: 'observations',
            resourceId: `${city.slug}/${changed.map((c) => c.key.year).join(',')}`,
            scopeId: city.id,
            after: {
              file: file.name,
              sha256: summary.sha256,
              format: summary.format,
              via: 'operator' in caller ? 'cli' : 'web',
              cycles: changed.map((c) => ({
                year: c.key.year,
                opened: c.opened,
                inserted: c.inserted,
                updated: c.updated,
                unchanged: c.read - c.inserted - c.updated,
              })),
              warnings: checked.warnings.filter((w) => w.city === city.slug).length,
            },
            requestId: options.meta?.requestId ?? null,
          });
        }
        await appendAudits(tx, records, now);
        return summary;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.summary;
      throw error;
    }
  }

  private async city(slug: string): Promise<CityRef> {
    const city = await new CycleRepository(this.ctx.db).findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }

  private allowed(caller: Caller, action: ImportAction, city: CityRef | null): boolean {
    if ('operator' in caller) return true;
    return can(caller.actor, action, city && { cityId: city.id, countryIso2: city.countryIso2 });
  }

  private authorize(caller: Caller, action: ImportAction, city: CityRef | null): void {
    if ('actor' in caller && !caller.actor) throw unauthorized();
    if (!this.allowed(caller, action, city)) throw forbidden();
  }
}

/**
 * The stored series (city, year, measurement) the rows are checked against, where the file does not give the
 * values itself: a year the file lacks some breakdowns of, and last year. A full template or a back-fill of
 * consecutive years needs almost nothing from the store.
 */
function neededSeries(
  rows: readonly ParsedRow[],
  measurementOf: (r: ParsedRow) => RulesMeasurement | undefined,
  cityIdOf: (r: ParsedRow) => string,
): (CycleKey & { measurementId: string })[] {
  const inFile = new SeriesIndex<true>();
  // The first row of each series of the file: what follows is asked once per series, not once per row.
  const firstRows: ParsedRow[] = [];
  for (const r of rows) {
    const series = inFile.seriesFor(r.city, r.year, r.measurementId);
    if (series.size === 0) firstRows.push(r);
    series.set(r.breakdown, true);
  }
  const breakdownsOf = new Map<string, string[]>();
  const needed: (CycleKey & { measurementId: string })[] = [];
  for (const r of firstRows) {
    const measurement = measurementOf(r);
    if (!measurement) continue;
    let breakdowns = breakdownsOf.get(measurement.id);
    if (!breakdowns) {
      breakdowns = breakdownKeys(measurement);
      breakdownsOf.set(measurement.id, breakdowns);
    }
    const cityId = cityIdOf(r);
    const sameYear = inFile.series(r.city, r.year, r.measurementId) as Map<string, true>;
    if (breakdowns.some((b) => !sameYear.has(b))) needed.push({ cityId, year: r.year, measurementId: r.measurementId });
    const lastYear = inFile.series(r.city, r.year - 1, r.measurementId);
    let lacking = false;
    for (const breakdown of sameYear.keys()) lacking ||= !lastYear?.has(breakdown);
    if (lacking) needed.push({ cityId, year: r.year - 1, measurementId: r.measurementId });
  }
  return needed;
}

/** A cycle's rows of the file, in the file's order. */
interface CycleRows {
  key: CycleKey;
  rows: ParsedRow[];
}

/**
 * The rows by cycle, the cycles in one order (city, then year): every import takes its locks in that order.
 * Grouped once, through maps by city and year rather than a key string built for each of 100,000 rows.
 */
function groupByCycle(rows: readonly ParsedRow[], cityIdOf: (r: ParsedRow) => string): CycleRows[] {
  const byCity = new Map<string, Map<number, CycleRows>>();
  for (const r of rows) {
    const cityId = cityIdOf(r);
    let years = byCity.get(cityId);
    if (!years) {
      years = new Map();
      byCity.set(cityId, years);
    }
    const cycle = years.get(r.year);
    if (cycle) cycle.rows.push(r);
    else years.set(r.year, { key: { cityId, year: r.year }, rows: [r] });
  }
  const cycles = [...byCity.values()].flatMap((years) => [...years.values()]);
  return cycles.sort((a, b) => compareKeys(a.key, b.key));
}

function compareKeys(a: CycleKey, b: CycleKey): number {
  return a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : a.year - b.year;
}

function keyString(key: CycleKey): string {
  return `${key.cityId}|${key.year}`;
}

/** Distinct keys in one order (city, then year): every import takes its locks in the same order. */
function uniqueKeys(keys: CycleKey[]): CycleKey[] {
  const distinct = new Map(keys.map((k) => [keyString(k), k]));
  return [...distinct.values()].sort(compareKeys);
}
