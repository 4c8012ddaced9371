import type { ExpertProvenance, SurveyProvenance } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cities } from '../network/network.tables.ts';

/** A city's reporting round for one reference year: draft → submitted → accepted or returned. */
export const cycles = pgTable(
  'cycles',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    year: integer('year').notNull(),
    state: text('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year] })],
);

/** Every transition of a cycle, with who, when and why: the history the workspace shows. */
export const cycleEvents = pgTable(
  'cycle_events',
  {
    cityId: uuid('city_id').notNull(),
    year: integer('year').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year, t.id] }), index('cycle_events_at').on(t.cityId, t.year, t.at)],
);

/** One value of one measurement for one city, year and breakdown. */
export const observations = pgTable(
  'observations',
  {
    cityId: uuid('city_id').notNull(),
    year: integer('year').notNull(),
    measurementId: text('measurement_id').notNull(),
    breakdown: text('breakdown').notNull(),
    // Figures are numerics, never floats, in SQL (DESIGN §5); they travel as strings to keep every digit.
    value: numeric('value').notNull(),
    unit: text('unit').notNull(),
    /** Which office or survey, publication and date. */
    sourceDetail: text('source_detail').notNull(),
    note: text('note'),
    /** manual, import, survey-estimate, expert-consolidation, learning-space-map */
    provenance: text('provenance').notNull(),
    /** What the figure rests on: an expert round (reviewers, agreement) or a survey wave (n, SE, interval). */
    provenanceDetail: jsonb('provenance_detail').$type<ExpertProvenance | SurveyProvenance>(),
    electionYear: integer('election_year'),
    /** Warnings (total outside its parts, implausible change) the editor has looked at and confirmed. */
    warningsConfirmed: boolean('warnings_confirmed').notNull().default(false),
    /** Incremented on every change: a save names the version it read, so a concurrent edit is caught. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year, t.measurementId, t.breakdown] })],
);

/** The secretariat's comments on a measurement when it returns a cycle. */
export const reviewComments = pgTable(
  'review_comments',
  {
    cityId: uuid('city_id').notNull(),
    year: integer('year').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    measurementId: text('measurement_id'),
    comment: text('comment').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year, t.id] })],
);

/** A city's target for a measurement and breakdown; the baseline is the first accepted value unless set. */
export const targets = pgTable(
  'targets',
  {
    cityId: uuid('city_id').notNull(),
    measurementId: text('measurement_id').notNull(),
    breakdown: text('breakdown').notNull(),
    targetValue: numeric('target_value').notNull(),
    targetYear: integer('target_year').notNull(),
    baselineValue: numeric('baseline_value'),
    baselineYear: integer('baseline_year'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.measurementId, t.breakdown] })],
);
