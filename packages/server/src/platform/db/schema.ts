// Every table of every module, for drizzle-kit and for typed queries.
export * from '../../modules/monitoring/catalogue.tables.ts';
export * from '../../modules/network/network.tables.ts';
export * from './seed-state.ts';
