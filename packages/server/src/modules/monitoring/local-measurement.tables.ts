import type { Breakdown } from '@lco/core';
import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { cities } from '../network/network.tables.ts';

/**
 * A city's own indicator, beside the catalogue and marked as local: observed like a catalogue measurement
 * (same rules, a range from its unit), public like the catalogue.
 */
export const localMeasurements = pgTable(
  'local_measurements',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    /** 'local-<slug>': never a catalogue id ('1.1.2a'), unique within the city. */
    id: text('id').notNull(),
    /** The name in the city's languages, by language tag; at least one. */
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    definition: text('definition').notNull(),
    unit: text('unit').notNull(),
    polarity: text('polarity').notNull(),
    breakdowns: jsonb('breakdowns').$type<Breakdown[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] }), check('local_measurements_id', sql`${t.id} like 'local-%'`)],
);
