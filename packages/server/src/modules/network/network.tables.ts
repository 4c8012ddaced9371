import type { Translations } from '@lco/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  names: jsonb('names').$type<Translations>().notNull(),
});

export const countries = pgTable('countries', {
  iso2: text('iso2').primaryKey(),
  iso3: text('iso3').notNull().unique(),
  names: jsonb('names').$type<Translations>().notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
});

export const cities = pgTable('cities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  countryIso2: text('country_iso2')
    .notNull()
    .references(() => countries.iso2),
  // Degrees are not money or rates: double precision is the honest type for a coordinate.
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  population: integer('population'),
  populationYear: integer('population_year'),
  locationSource: text('location_source'),
  note: text('note'),
  fictional: boolean('fictional').notNull().default(false),
  membershipStatus: text('membership_status').notNull(),
  memberSince: integer('member_since'),
  /** Lower-case, accent-free name and country names, so "medellin" finds Medellín. */
  searchText: text('search_text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cityAwards = pgTable(
  'city_awards',
  {
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year] })],
);
