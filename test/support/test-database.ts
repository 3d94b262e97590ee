import { databaseName, withDatabase } from '@nexus/core';
import { Client } from 'pg';
import { runId, templateDatabase } from './test-run';

let prepared = false;

/** Clones the migrated template into this worker's database, once per test file. */
export async function prepareWorkerDatabase(): Promise<void> {
  if (prepared) return;
  const url = process.env.DATABASE_URL!;
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase(runId())}"`);
        break;
      } catch (err) {
        // Seen once in a full run: CREATE met a row of the same name (unique violation on
        // pg_database) right after the DROP. Drop and clone again rather than fail the file.
        const code = (err as { code?: string }).code;
        if (attempt === 3 || (code !== '23505' && code !== '42P04')) throw err;
      }
    }
  } finally {
    await admin.end();
  }
  prepared = true;
}

/** A plain pg client on this worker's database, for assertions on what was really stored. */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}
