import { ensureDatabase } from '@nexus/core';
import { createMigrationDataSource } from './data-source';

/** Creates the database if missing, then applies pending migrations. Returns their names. */
export async function migrate(url: string): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabase(url);
  const dataSource = createMigrationDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { created, applied: applied.map((m) => m.name) };
  } finally {
    await dataSource.destroy();
  }
}
