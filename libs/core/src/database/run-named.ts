import { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ShapeRememberingQuery } from './shape-remembering-query';

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
  const config = { name, text, values };
  if (!em.queryRunner) {
    // pg-pool answers a query object with a promise of its result (its typings say otherwise).
    const pending = poolOf(em).query(new ShapeRememberingQuery<T>(config));
    return ((await pending) as unknown as QueryResult<T>).rows;
  }
  const client = (await em.queryRunner.connect()) as PoolClient;
  return new Promise<T[]>((resolve, reject) => {
    client.query(
      new ShapeRememberingQuery<T>(config, (err, result) =>
        err ? reject(err) : resolve(result.rows),
      ),
    );
  });
}

function poolOf(em: EntityManager): Pool {
  return (em.connection.driver as PostgresDriver).master as Pool;
}
