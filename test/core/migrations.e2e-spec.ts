import { pendingSchemaChanges } from '@nexus/core';
import { createMigrationDataSource } from '../../apps/migrate/src/data-source';
import { migrate } from '../../apps/migrate/src/migrate';
import { connectDatabase, prepareWorkerDatabase } from '../support/test-database';

describe('migrations', () => {
  beforeAll(() => prepareWorkerDatabase());

  it('leave no difference between the entities and the schema', async () => {
    const ds = createMigrationDataSource(process.env.DATABASE_URL!);
    await ds.initialize();
    try {
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      expect(ds.options.synchronize).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrate(process.env.DATABASE_URL!)).toEqual({ created: false, applied: [] });
  });

  it('create the database when it is missing', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_fresh`;
    const result = await migrate(url.toString());
    expect(result.created).toBe(true);
    expect(result.applied.length).toBeGreaterThan(0);
    const db = await connectDatabase();
    try {
      await db.query(`DROP DATABASE "${url.pathname.slice(1)}" WITH (FORCE)`);
    } finally {
      await db.end();
    }
  });
});
