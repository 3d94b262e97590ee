import { runNamed } from '@nexus/core';
import { Pool, PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { prepareWorkerDatabase } from '../support/test-database';

// runNamed outside and inside a transaction, against PostgreSQL: the rows must be the ones pg's
// own query gives, on every connection of the pool and every execution of each statement.
describe('named statements (runNamed)', () => {
  let pool: Pool;
  const outside = () => ({ connection: { driver: { master: pool } } }) as unknown as EntityManager;
  const inside = (client: PoolClient) =>
    ({ queryRunner: { connect: async () => client } }) as unknown as EntityManager;
  const TEXT = `SELECT $1::int AS n, $2::text AS label, '2026-12-02T10:00:00.5Z'::timestamptz AS at,
    NULL::bigint AS nothing, ARRAY[$1::int, 2] AS pair WHERE $1::int >= 0`;

  beforeAll(async () => {
    await prepareWorkerDatabase();
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  });
  afterAll(() => pool.end());

  it('answers as pg does, in parallel over every connection and execution', async () => {
    const values = Array.from({ length: 60 }, (_, i) => [i - 5, `row ${i}`]);
    const [named, plain] = await Promise.all([
      Promise.all(values.map((v) => runNamed(outside(), 'test.shape', TEXT, v))),
      Promise.all(values.map((v) => pool.query({ text: TEXT, values: v }).then((r) => r.rows))),
    ]);
    expect(named).toEqual(plain);
    expect(named.filter((rows) => rows.length === 0)).toHaveLength(5); // n < 0: no row
    expect(named[10][0]).toEqual({
      n: 5,
      label: 'row 10',
      at: new Date('2026-12-02T10:00:00.500Z'),
      nothing: null,
      pair: [5, 2],
    });
  });

  it('describes a statement once per connection, then runs it without a Describe', async () => {
    const client = await pool.connect();
    const connection = (client as unknown as { connection: { describe(): void } }).connection;
    const describe = jest.spyOn(connection, 'describe');
    const next = (value: unknown) =>
      runNamed(inside(client), 'test.once', 'SELECT $1::int + 1 AS next', [value]);
    try {
      for (let i = 0; i < 3; i++) expect(await next(i)).toEqual([{ next: i + 1 }]);
      expect(describe).toHaveBeenCalledTimes(1);
      // A value pg cannot serialize fails the call. (pg 8.23 then closes the statement on the
      // server but still counts it as prepared on that connection; runNamed keeps pg's behaviour.)
      const unserializable = {
        toPostgres: () => {
          throw new Error('cannot serialize');
        },
      };
      await expect(next(unserializable)).rejects.toThrow('cannot serialize');
    } finally {
      describe.mockRestore();
      client.release(true); // the statement is gone on the server: do not reuse the connection
    }
  });

  it('runs on the transaction connection and rejects with the statement error', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE shape_probe (n int) ON COMMIT DROP');
      await client.query('INSERT INTO shape_probe VALUES (1), (2)');
      const read = () =>
        runNamed(inside(client), 'test.probe', 'SELECT n FROM shape_probe ORDER BY n', []);
      expect(await read()).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await read()).toEqual([{ n: 1 }, { n: 2 }]);
      await expect(
        runNamed(inside(client), 'test.fails', 'SELECT 1 / $1::int AS q', [0]),
      ).rejects.toMatchObject({ code: '22012' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    // The pool's connections still work after a statement failed on one of them.
    expect(await runNamed(outside(), 'test.fails', 'SELECT 1 / $1::int AS q', [1])).toEqual([
      { q: 1 },
    ]);
  });
});
