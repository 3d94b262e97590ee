import { validateEnvironment } from '@nexus/core';
import { createMigrationDataSource } from './data-source';

/** Entry for the TypeORM CLI (`npm run migration:generate`). */
export default createMigrationDataSource(validateEnvironment(process.env).DATABASE_URL);
