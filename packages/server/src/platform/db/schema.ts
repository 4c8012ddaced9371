// Every table of every module, for drizzle-kit and for typed queries.

export * from '../../modules/accounts/accounts.tables.ts';
export * from '../../modules/accounts/oidc.tables.ts';
export * from '../../modules/awards/award.tables.ts';
export * from '../../modules/membership/membership.tables.ts';
export * from '../../modules/monitoring/catalogue.tables.ts';
export * from '../../modules/monitoring/cycle.tables.ts';
export * from '../../modules/monitoring/evidence.tables.ts';
export * from '../../modules/monitoring/local-measurement.tables.ts';
export * from '../../modules/network/network.tables.ts';
export * from '../../modules/reviews/review.tables.ts';
export * from '../../modules/surveys/survey.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../mail/mail.tables.ts';
export * from '../security/throttle.tables.ts';
export * from './seed-state.ts';
