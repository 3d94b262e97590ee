// Fails when the entities and the migrations disagree: migrates a scratch database, then asks
// TypeORM what it would change. Also run inside `npm test` (test/core/migrations.e2e-spec.ts).
import { pendingSchemaChanges, validateEnvironment, withDatabase } from '@nexus/core';
import { Client } from 'pg';
import { createMigrationDataSource } from '../apps/migrate/src/data-source';
import { migrate } from '../apps/migrate/src/migrate';

async function main() {
  const base = validateEnvironment(process.env).DATABASE_URL;
  const scratch = withDatabase(base, `nexus_migration_check_${process.pid}`);
  await migrate(scratch);
  const ds = createMigrationDataSource(scratch);
  await ds.initialize();
  const pending = await pendingSchemaChanges(ds).finally(() => ds.destroy());
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "nexus_migration_check_${process.pid}" WITH (FORCE)`);
  await admin.end();
  if (pending.length) {
    console.error(
      `Entities and migrations disagree; run npm run migration:generate -- <Name>:\n${pending.join(';\n')}`,
    );
    process.exit(1);
  }
  console.log('Entities and migrations agree.');
}

void main();
