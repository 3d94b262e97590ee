// globalSetup runs outside Jest's moduleNameMapper: resolve @nexus/* from tsconfig paths.
import 'tsconfig-paths/register';
import { Client } from 'pg';
import { migrate } from '../../apps/migrate/src/migrate';
import { BASE_DATABASE_URL, databaseUrl, templateDatabase } from './test-run';

/** Migrates one template database per run; each Jest worker clones it (milliseconds). */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${process.pid}`;
  process.env.NEXUS_TEST_RUN = run;
  const admin = new Client({ connectionString: BASE_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    // Leftovers of runs that were killed before their teardown, older than an hour.
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^nexus_t[a-z0-9]+_' AND datname NOT LIKE $1`,
      [`nexus_t${run}_%`],
    );
    for (const { datname } of stale.rows) {
      const created = parseInt(datname.slice(7, 15), 36);
      if (Number.isFinite(created) && Date.now() - created > 3600_000) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await admin.end();
  }
  await migrate(databaseUrl(templateDatabase(run)));
  // The GraphQL IDE bundle (dist/ide) that the API serves; esbuild skips it when up to date.
  await (require('../../scripts/build-ide.js') as { buildIde(): Promise<boolean> }).buildIde();
}
