export * from './catalogue/types.ts';
export * from './i18n/languages.ts';
export * from './schemas/common.ts';
export * from './schemas/framework.ts';
export * from './schemas/network.ts';
