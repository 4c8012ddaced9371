import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cycles } from './cycle.tables.ts';

/**
 * What backs a cycle's figures: an uploaded file or a link, for one measurement (and breakdown) or for the
 * whole cycle. Files live in the file storage under `storage_key`; the row keeps what was checked.
 */
export const evidence = pgTable(
  'evidence',
  {
    cityId: uuid('city_id').notNull(),
    year: integer('year').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** A catalogue or local measurement; null when the evidence is for the whole cycle. */
    measurementId: text('measurement_id'),
    breakdown: text('breakdown'),
    kind: text('kind').notNull(),
    /** Links only: an http(s) address. */
    url: text('url'),
    /** What the evidence is, in the uploader's words (a link's title; optional for a file). */
    title: text('title'),
    /** Files only: the sanitised name shown and offered on download. */
    fileName: text('file_name'),
    /** Files only: the type sniffed from the content, never the one the client claimed. */
    contentType: text('content_type'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    /** Which virus scanner passed the file ('none' while no scanner is configured). */
    scanner: text('scanner'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.year, t.id] }),
    foreignKey({ columns: [t.cityId, t.year], foreignColumns: [cycles.cityId, cycles.year] }),
    check(
      'evidence_kind',
      sql`(${t.kind} = 'file' and ${t.storageKey} is not null and ${t.url} is null) or (${t.kind} = 'link' and ${t.url} is not null and ${t.storageKey} is null)`,
    ),
  ],
);
