import { Client as PgClient } from 'pg';

/** Counts every statement the app sends to PostgreSQL while `run` executes. */
export async function countStatements(run: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(PgClient.prototype, 'query');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
