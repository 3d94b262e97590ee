import { Client } from 'pg';
import { migrate } from '../apps/migrate/src/migrate';
import { withDatabase } from '../libs/core/src/database/database-url';

/** Drops (if present) and recreates `url`'s database, then applies every migration. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(url);
}
