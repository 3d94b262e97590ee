import { PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Runs a named (server-side prepared) statement. `query()` sends unnamed statements that
 * Postgres re-plans on every call; pg caches named ones per connection. One name, one text.
 */
export async function runNamed<T extends QueryResultRow>(
  em: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    return (await client.query<T>({ name, text, values })).rows;
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}
