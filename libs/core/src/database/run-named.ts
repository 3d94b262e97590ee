import { Pool, PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a named (server-side prepared) statement. `query()` sends unnamed statements that
 * Postgres re-plans on every call; pg caches named ones per connection. One name, one text.
 * Inside a transaction it uses the transaction's connection; otherwise it goes straight to the
 * pg pool (no TypeORM QueryRunner per call: that was a measurable share of a read's CPU).
 */
export async function runNamed<T extends QueryResultRow>(
  em: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  if (!em.queryRunner) return (await poolOf(em).query<T>({ name, text, values })).rows;
  const client = (await em.queryRunner.connect()) as PoolClient;
  return (await client.query<T>({ name, text, values })).rows;
}

function poolOf(em: EntityManager): Pool {
  return (em.connection.driver as PostgresDriver).master as Pool;
}
