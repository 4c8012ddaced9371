export * from './catalogue/index.ts';
export * from './i18n/languages.ts';
export * from './network/regions.ts';
export * from './schemas/common.ts';
export * from './schemas/framework.ts';
export * from './schemas/network.ts';
export * from './text/fold.ts';
