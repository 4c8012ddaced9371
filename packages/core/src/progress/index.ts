export { assessSeries } from './assess.ts';
export {
  type CityProgress,
  ROLL_UP_BUCKETS,
  type RollUp,
  type RollUpBucket,
  type RollUpLevel,
  rollUp,
} from './rollup.ts';
export * from './types.ts';
