// npm run seed -- [--users N] [--database URL] [--fresh]
// Seeds DATABASE_URL (migrated first). --fresh drops and recreates that database.
import { parseArgs } from 'node:util';
import { migrate } from '../apps/migrate/src/migrate';
import { recreateDatabase } from './scratch-database';
import { DEFAULT_DATASET, seed } from './seed';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: String(DEFAULT_DATASET.users) },
      database: { type: 'string' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const url =
    values.database ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nexus';
  const users = Number(values.users);
  if (!Number.isInteger(users) || users < 10) throw new Error('--users must be an integer >= 10');
  if (values.fresh) await recreateDatabase(url);
  else await migrate(url);
  const result = await seed(url, { users });
  console.log(
    `seeded ${new URL(url).pathname.slice(1)} in ${(result.elapsedMs / 1000).toFixed(1)} s:`,
    JSON.stringify(result.counts),
  );
  console.log(`every user (user_1 … user_${users}) logs in with "${result.options.password}"`);
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
