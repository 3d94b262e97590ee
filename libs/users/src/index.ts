export * from './user-view';
export * from './user.entity';
export * from './users.errors';
export * from './users.module';
export * from './users.service';
export { USER_COLUMNS } from './users.queries';
