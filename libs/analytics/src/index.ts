export * from './analytics-jobs';
export * from './analytics.module';
export * from './analytics.producer';
