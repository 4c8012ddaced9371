import type { ApplicationForm } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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

/** A membership call: its window and rules, all settings the secretariat chooses. */
export const membershipCalls = pgTable('membership_calls', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  endorsementDays: integer('endorsement_days').notNull(),
  quotaPerCountry: integer('quota_per_country').notNull(),
  juryRecommendation: boolean('jury_recommendation').notNull(),
  expireAfterDeadline: boolean('expire_after_deadline').notNull(),
  reminderDaysBefore: integer('reminder_days_before').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The signature of an application: the uploaded signed and stamped form, or a typed attestation. */
export interface SignatureRecord {
  method: 'upload' | 'attestation';
  signatoryName: string | null;
  signatoryTitle: string | null;
  file: {
    storageKey: string;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    scanner: string;
  } | null;
  signedBy: string;
  signedAt: string;
}

/** A city's application to join the network in one call: a state machine (membership.machine.ts). */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    callId: uuid('call_id')
      .notNull()
      .references(() => membershipCalls.id),
    state: text('state').notNull(),
    form: jsonb('form').$type<ApplicationForm>().notNull(),
    signature: jsonb('signature').$type<SignatureRecord>(),
    /** Incremented on every change: a save or transition naming an older version is refused. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    endorsementDeadline: timestamp('endorsement_deadline', { withTimezone: true }),
    /** Set when the National Commission was reminded of the deadline: one reminder per submission. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    recommendation: text('recommendation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    // Looked up by id alone (the transitions endpoint); not unique by itself, so the table can be distributed by city.
    index('membership_applications_id').on(t.id),
    // One application per city and call.
    uniqueIndex('membership_applications_city_call').on(t.cityId, t.callId),
    index('membership_applications_call_state').on(t.callId, t.state),
  ],
);

/** Every transition of an application, with who, when and why. */
export const membershipApplicationEvents = pgTable(
  'membership_application_events',
  {
    cityId: uuid('city_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null for the clock's own steps (an expired deadline). */
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reasons: text('reasons'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.applicationId, t.id] }),
    index('membership_application_events_at').on(t.cityId, t.applicationId, t.at),
  ],
);

/** A member city's membership: when it joined, by which application, its standing and public facts. */
export const cityMemberships = pgTable('city_memberships', {
  cityId: uuid('city_id')
    .primaryKey()
    .references(() => cities.id),
  joinedAt: timestamp('joined_at', { withTimezone: true }),
  applicationId: uuid('application_id'),
  standing: text('standing').notNull().default('active'),
  standingChangedAt: timestamp('standing_changed_at', { withTimezone: true }),
  /** The facts of the accepted application that the public profile shows. */
  facts: jsonb('facts').$type<ApplicationForm>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Changes of a member's standing (active ↔ inactive): recorded acts with a reason. */
export const membershipStandingEvents = pgTable(
  'membership_standing_events',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    fromStanding: text('from_standing').notNull(),
    toStanding: text('to_standing').notNull(),
    reason: text('reason').notNull(),
    missedReports: integer('missed_reports').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] })],
);

/** A member's biennial progress report: an accepted monitoring cycle and a narrative on achievements. */
export const membershipReports = pgTable(
  'membership_reports',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    cycleYear: integer('cycle_year').notNull(),
    narrative: text('narrative').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), index('membership_reports_at').on(t.cityId, t.submittedAt)],
);

/** Reminders of a due report already sent: one per member and due date, whoever runs the sweep. */
export const membershipReportReminders = pgTable(
  'membership_report_reminders',
  {
    cityId: uuid('city_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.dueOn] })],
);

/** The network's reporting rules: one row, kept by the secretariat. */
export const membershipSettings = pgTable('membership_settings', {
  id: integer('id').primaryKey().default(1),
  reportPeriodYears: integer('report_period_years').notNull().default(2),
  dueWindowDays: integer('due_window_days').notNull().default(90),
  graceDays: integer('grace_days').notNull().default(180),
  inactiveAfterMissed: integer('inactive_after_missed').notNull().default(2),
  reportingBaseline: date('reporting_baseline', { mode: 'string' }).notNull().default('2024-01-01'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
