import type { Answers, Instrument, InstrumentDesign, PopulationMargins } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cities } from '../network/network.tables.ts';

/**
 * A city's survey instrument: its kind and the city's choices (measurements, districts, local questions,
 * languages). `version` is what the next wave fields; a change after a wave fielded it makes a new version.
 */
export const surveys = pgTable(
  'surveys',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    design: jsonb('design').$type<Omit<InstrumentDesign, 'kind'>>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    check('surveys_kind', sql`${t.kind} in ('citizen', 'learner', 'educator')`),
  ],
);

/**
 * One run of a survey in the city: the instrument frozen as fielded, its dates and languages, the public
 * link's code and the census margins it is weighted to.
 */
export const surveyWaves = pgTable(
  'survey_waves',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    surveyId: uuid('survey_id').notNull(),
    name: text('name').notNull(),
    /** The public link's last part: short, unguessable enough to keep a wave unlisted. */
    code: text('code').notNull(),
    instrument: jsonb('instrument').$type<Instrument>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    margins: jsonb('margins').$type<PopulationMargins>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('survey_waves_code').on(t.cityId, t.code),
    foreignKey({ columns: [t.cityId, t.surveyId], foreignColumns: [surveys.cityId, surveys.id] }),
    check('survey_waves_dates', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/**
 * One respondent's answers, anonymous: no name, no address, only the hash of the submission token that
 * keeps a double tap from counting twice. `submitted_at` is null while the respondent is still going
 * through the pages (progress saved between pages); only submitted rows count.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    cityId: uuid('city_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    /** SHA-256 of the submission token, hex. */
    tokenHash: text('token_hash').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    /** The next page to show (1-based). */
    page: integer('page').notNull().default(1),
    lang: text('lang').notNull(),
    /** 'web' (the response page) or 'import' (a KoboToolbox / ODK CSV). */
    source: text('source').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.waveId, t.tokenHash] }),
    foreignKey({ columns: [t.cityId, t.waveId], foreignColumns: [surveyWaves.cityId, surveyWaves.id] }),
    index('survey_responses_submitted').on(t.cityId, t.waveId, t.submittedAt),
    check('survey_responses_source', sql`${t.source} in ('web', 'import')`),
  ],
);
