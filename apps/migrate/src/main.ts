import { exitWithFatal, loadEnvironmentOrExit, redactUrl } from '@nexus/core';
import { migrate } from './migrate';

function log(msg: string, extra: Record<string, unknown> = {}) {
  process.stdout.write(
    `${JSON.stringify({ level: 'info', time: Date.now(), context: 'Migrate', msg, ...extra })}\n`,
  );
}

async function main() {
  const env = loadEnvironmentOrExit();
  const target = redactUrl(env.DATABASE_URL);
  const { created, applied } = await migrate(env.DATABASE_URL).catch((err: Error) =>
    exitWithFatal(`Migration of ${target} failed: ${err.message}`),
  );
  if (created) log(`Created database ${target}`);
  log(applied.length ? `Applied ${applied.length} migration(s)` : 'Schema is up to date', {
    applied,
  });
}

void main();
