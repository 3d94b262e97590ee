import { exitWithFatal, validateEnvironment } from '@nexus/core';
import { describeTarget, migrate } from './migrate';

function log(msg: string, extra: Record<string, unknown> = {}) {
  process.stdout.write(
    `${JSON.stringify({ level: 'info', time: Date.now(), context: 'Migrate', msg, ...extra })}\n`,
  );
}

async function main() {
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (err) {
    exitWithFatal((err as Error).message);
  }
  const target = describeTarget(env.DATABASE_URL);
  const { created, applied } = await migrate(env.DATABASE_URL).catch((err: Error) =>
    exitWithFatal(`Migration of ${target} failed: ${err.message}`),
  );
  if (created) log(`Created database ${target}`);
  log(applied.length ? `Applied ${applied.length} migration(s)` : 'Schema is up to date', {
    applied,
  });
}

void main();
