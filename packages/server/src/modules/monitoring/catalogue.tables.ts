import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The measurements of each catalogue version, so that observations (a later issue) can reference them.
 * The text of the catalogue stays in @lco/core; the database keeps what integrity needs.
 */
export const catalogueMeasurements = pgTable(
  'catalogue_measurements',
  {
    version: text('version').notNull(),
    id: text('id').notNull(),
    featureCode: text('feature_code').notNull(),
    source: text('source').notNull(),
    unit: text('unit').notNull(),
    polarity: text('polarity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.id] })],
);
