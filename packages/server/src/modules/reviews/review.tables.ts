import type { RubricLevels } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cycles } from '../monitoring/cycle.tables.ts';
import { cities, countries } from '../network/network.tables.ts';

/** A city's written case for one expert measurement in a cycle: part of the cycle, locked with it. */
export const narratives = pgTable(
  'narratives',
  {
    cityId: uuid('city_id').notNull(),
    year: integer('year').notNull(),
    measurementId: text('measurement_id').notNull(),
    text: text('text').notNull(),
    /** One of the six languages, the one the city wrote in. */
    lang: text('lang').notNull(),
    /** Incremented on every save: a save names the version it read, so a concurrent edit is caught. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.year, t.measurementId] }),
    foreignKey({ columns: [t.cityId, t.year], foreignColumns: [cycles.cityId, cycles.year] }),
  ],
);

/**
 * What each rating looks like for one expert measurement. Every edit is a new version; the versions shipped
 * with the code are marked with the seed version they came from, so a new seed adds a version once.
 */
export const rubrics = pgTable(
  'rubrics',
  {
    measurementId: text('measurement_id').notNull(),
    version: integer('version').notNull(),
    frameworkVersion: text('framework_version').notNull(),
    levels: jsonb('levels').$type<RubricLevels>().notNull(),
    /** 'seed' or 'secretariat'. */
    source: text('source').notNull(),
    seedVersion: integer('seed_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.measurementId, t.version] })],
);

/** Where an expert comes from: a reviewer is never assigned to a city of her own country. */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  countryIso2: text('country_iso2').references(() => countries.iso2),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** An expert's declared conflict of interest with a city: she cannot be assigned to review it. */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.userId] }), index('expert_conflicts_user').on(t.userId)],
);

/** A review round: settings, the rubric versions it pins, and its state (open → closed or consolidated). */
export const reviewRounds = pgTable('review_rounds', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  state: text('state').notNull(),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  reminderDaysBefore: integer('reminder_days_before').notNull(),
  alphaLevel: text('alpha_level').notNull(),
  consolidationRule: text('consolidation_rule').notNull(),
  minReviewers: integer('min_reviewers').notNull(),
  rubricVersions: jsonb('rubric_versions').$type<Record<string, number>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A submitted cycle under review in a round: one per city and round. */
export const reviewRoundCycles = pgTable(
  'review_round_cycles',
  {
    cityId: uuid('city_id').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    year: integer('year').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    consolidatedAt: timestamp('consolidated_at', { withTimezone: true }),
    consolidatedBy: uuid('consolidated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.roundId] }),
    foreignKey({ columns: [t.cityId, t.year], foreignColumns: [cycles.cityId, cycles.year] }),
    index('review_round_cycles_round').on(t.roundId),
  ],
);

/** A reviewer assigned to a city in a round: assigned → submitted, or recused after declaring a conflict. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    roundId: uuid('round_id').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    state: text('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The deadline the last reminder was for: one reminder per deadline, however often the job runs. */
    remindedFor: timestamp('reminded_for', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    foreignKey({
      columns: [t.cityId, t.roundId],
      foreignColumns: [reviewRoundCycles.cityId, reviewRoundCycles.roundId],
    }),
    uniqueIndex('review_assignments_reviewer_unique').on(t.cityId, t.roundId, t.reviewerId),
    index('review_assignments_id').on(t.id),
    index('review_assignments_reviewer').on(t.reviewerId),
    index('review_assignments_round').on(t.roundId),
  ],
);

/**
 * One version of a reviewer's rating of one measurement. Version 1 is a draft until the assignment is
 * submitted, then immutable; revisions during reconciliation are new versions beside it.
 */
export const reviewRatings = pgTable(
  'review_ratings',
  {
    cityId: uuid('city_id').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    measurementId: text('measurement_id').notNull(),
    version: integer('version').notNull(),
    /** 1–5; null for "cannot rate from this evidence" (counted as missing). */
    value: smallint('value'),
    rationale: text('rationale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.assignmentId, t.measurementId, t.version] }),
    foreignKey({
      columns: [t.cityId, t.assignmentId],
      foreignColumns: [reviewAssignments.cityId, reviewAssignments.id],
    }),
    check('review_ratings_value', sql`${t.value} is null or ${t.value} between 1 and 5`),
  ],
);

/** A measurement whose ratings in a city differ by two points or more: open until reconciled or acknowledged. */
export const reviewFlags = pgTable(
  'review_flags',
  {
    cityId: uuid('city_id').notNull(),
    roundId: uuid('round_id').notNull(),
    measurementId: text('measurement_id').notNull(),
    state: text('state').notNull(),
    spread: integer('spread').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.roundId, t.measurementId] }),
    foreignKey({
      columns: [t.cityId, t.roundId],
      foreignColumns: [reviewRoundCycles.cityId, reviewRoundCycles.roundId],
    }),
  ],
);

/** The consolidated figure of one measurement for a city in a round, with what it rests on. */
export const reviewConsolidations = pgTable(
  'review_consolidations',
  {
    cityId: uuid('city_id').notNull(),
    roundId: uuid('round_id').notNull(),
    measurementId: text('measurement_id').notNull(),
    /** Null when no reviewer could rate the measurement. */
    value: numeric('value'),
    reviewers: integer('reviewers').notNull(),
    /** Agreement on the measurement across the round's cities, when it could be computed. */
    alpha: numeric('alpha'),
    consolidatedAt: timestamp('consolidated_at', { withTimezone: true }).notNull(),
    consolidatedBy: uuid('consolidated_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.roundId, t.measurementId] }),
    foreignKey({
      columns: [t.cityId, t.roundId],
      foreignColumns: [reviewRoundCycles.cityId, reviewRoundCycles.roundId],
    }),
  ],
);
