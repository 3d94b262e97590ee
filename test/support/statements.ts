import { Client as PgClient } from 'pg';

/** The arguments of every query the app sends to PostgreSQL while `run` executes. */
async function queriesDuring(run: () => Promise<unknown>): Promise<unknown[][]> {
  const spy = jest.spyOn(PgClient.prototype, 'query');
  try {
    await run();
    return spy.mock.calls as unknown[][];
  } finally {
    spy.mockRestore();
  }
}

/** Counts every statement the app sends to PostgreSQL while `run` executes. */
export async function countStatements(run: () => Promise<unknown>): Promise<number> {
  return (await queriesDuring(run)).length;
}

/**
 * Waits until the app has sent no statement for `quietMs` (at most `maxMs`), so after-commit
 * work of an earlier request (jobs, activity updates) is not counted against the next one.
 */
export async function waitForQuietDatabase(quietMs = 150, maxMs = 3000): Promise<void> {
  const spy = jest.spyOn(PgClient.prototype, 'query');
  try {
    const deadline = Date.now() + maxMs;
    let seen = -1;
    while (seen !== spy.mock.calls.length && Date.now() < deadline) {
      seen = spy.mock.calls.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  } finally {
    spy.mockRestore();
  }
}

/** The names of the named statements (runNamed) the app sends while `run` executes. */
export async function namedStatements(run: () => Promise<unknown>): Promise<string[]> {
  return (await queriesDuring(run)).flatMap(([config]) => {
    const name = (config as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}
