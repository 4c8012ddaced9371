import type { AwardReport, AwardRules } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cities } from '../network/network.tables.ts';

/** An award cycle: its year, dates and rules (settings the secretariat chose), and where it stands. */
export const awardCycles = pgTable(
  'award_cycles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    nominationsCloseAt: timestamp('nominations_close_at', { withTimezone: true }).notNull(),
    rules: jsonb('rules').$type<AwardRules>().notNull(),
    /** open → jury → jury-closed → announced (award.machine.ts). */
    state: text('state').notNull(),
    juryOpenedAt: timestamp('jury_opened_at', { withTimezone: true }),
    juryClosedAt: timestamp('jury_closed_at', { withTimezone: true }),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // One cycle per award year: the public record lists cycles by year.
  (t) => [uniqueIndex('award_cycles_year').on(t.year)],
);

/** The signed consent form for the use and distribution of the city's materials, as stored. */
export interface ConsentFormRecord {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  scanner: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** The city's accepted monitoring data as attached on submission: which years, how many observations. */
export interface MonitoringAttachment {
  attachedAt: string;
  acceptedCycles: { year: number; observations: number }[];
}

/** A member city's application in one cycle: a state machine (award.machine.ts). */
export const awardApplications = pgTable(
  'award_applications',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => awardCycles.id),
    state: text('state').notNull(),
    report: jsonb('report').$type<AwardReport>().notNull(),
    consentForm: jsonb('consent_form').$type<ConsentFormRecord>(),
    monitoring: jsonb('monitoring').$type<MonitoringAttachment>(),
    /** Incremented on every change: a save or step naming an older version is refused. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('award_applications_id').on(t.id),
    uniqueIndex('award_applications_city_cycle').on(t.cityId, t.cycleId),
    index('award_applications_cycle_state').on(t.cycleId, t.state),
  ],
);

/** Every step of an application, with who, when and why. */
export const awardApplicationEvents = pgTable(
  'award_application_events',
  {
    cityId: uuid('city_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reasons: text('reasons'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.applicationId, t.id] }),
    index('award_application_events_at').on(t.cityId, t.applicationId, t.at),
  ],
);

/** A reviewer's score of one criterion of an application, with its rationale; changed in place until shortlisting. */
export const awardScores = pgTable(
  'award_scores',
  {
    cityId: uuid('city_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    criterion: text('criterion').notNull(),
    score: smallint('score').notNull(),
    rationale: text('rationale').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.applicationId, t.reviewerId, t.criterion] })],
);

/** A juror's vote on one shortlisted application: one per juror and application, secret until the jury closes. */
export const awardVotes = pgTable(
  'award_votes',
  {
    cityId: uuid('city_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => users.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => awardCycles.id),
    vote: text('vote').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.applicationId, t.jurorId] }),
    index('award_votes_cycle').on(t.cycleId, t.jurorId),
  ],
);
