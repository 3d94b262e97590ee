export * from './notification-jobs';
export * from './notifications.module';
export * from './notifications.producer';
