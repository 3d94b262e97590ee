import { DataSource } from 'typeorm';
import { createUser, TestUser } from '../support/factory';
import { countStatements, waitForQuietDatabase } from '../support/statements';
import { createTestApp, TestApp } from '../support/test-app';
import { MATRIX_ROWS, MatrixContext, MatrixRequest, MatrixRow } from './authorization-matrix.rows';
import { mutations, restRoutes, routeKey } from './support/contract';
import { createFixture } from './support/fixtures';
import { mutationDocument } from './support/graphql-args';

/** Every state-changing operation of the committed contract, REST and GraphQL. */
const operations = [
  ...restRoutes()
    .filter((r) => r.method !== 'get' && r.path.startsWith('/api/'))
    .map(routeKey),
  ...mutations().map((m) => `mutation ${m.name}`),
];

interface Outcome {
  status: number;
  code?: string;
  ok: boolean;
}

describe('authorization matrix (generated from openapi.json + schema.gql)', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, other, admin] = [
      await createUser(t.app),
      await createUser(t.app),
      await createUser(t.app, 'admin'),
    ];
  });
  afterAll(() => t.close());

  async function send(key: string, req: MatrixRequest, token?: string): Promise<Outcome> {
    const [verb, target] = key.split(' ');
    if (verb === 'mutation') {
      const field = mutations().find((m) => m.name === target)!;
      const call = t.http
        .post('/graphql')
        .send({ query: mutationDocument(field), variables: req.variables ?? {} });
      if (token) call.auth(token, { type: 'bearer' });
      const res = await call;
      const error = res.body.errors?.[0];
      return {
        status: error?.extensions?.statusCode ?? res.status,
        code: error?.extensions?.code,
        ok: !error && res.status === 200,
      };
    }
    const call = t.http[verb.toLowerCase() as 'post'](req.path!);
    if (token) call.auth(token, { type: 'bearer' });
    const res = req.body ? await call.send(req.body) : await call;
    return { status: res.status, code: res.body?.code, ok: res.status >= 200 && res.status < 300 };
  }

  async function context(): Promise<MatrixContext> {
    return {
      f: await createFixture(t.app, owner),
      owner,
      other,
      target: await createUser(t.app),
      http: t.http,
    };
  }

  async function digest(tables: string[]): Promise<string[]> {
    const db = t.app.get(DataSource);
    return Promise.all(
      tables.map(async (table) => {
        const [row] = await db.query(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${table} t`,
        );
        return row.d as string;
      }),
    );
  }

  it('has exactly one row per state-changing operation', () => {
    const missing = operations.filter((op) => !(op in MATRIX_ROWS));
    const stale = Object.keys(MATRIX_ROWS).filter((key) => !operations.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  const rows = operations
    .filter((op) => op in MATRIX_ROWS)
    .map((op) => [op, MATRIX_ROWS[op]] as [string, MatrixRow]);

  it.each(rows)('%s', async (key, row) => {
    if (row.access !== 'public') {
      // (a) no token: 401 before any domain SQL.
      const req = await row.request(await context());
      await waitForQuietDatabase();
      let outcome: Outcome | undefined;
      const statements = await countStatements(async () => {
        outcome = await send(key, req);
      });
      expect(outcome).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(statements).toBe(0);
    }
    if (row.access === 'owner') {
      // (b) another ordinary user on the owner's resource: refused, nothing changed.
      const c = await context();
      const before = await digest(row.tables!);
      const outcome = await send(key, await row.request(c), other.token);
      expect([403, 404]).toContain(outcome.status);
      expect(await digest(row.tables!)).toEqual(before);
      // (d) an admin where admins may; refused like anyone else where they may not.
      const asAdmin = await send(key, await row.request(await context()), admin.token);
      if (row.admin) expect(asAdmin).toMatchObject({ ok: true });
      else expect([403, 404]).toContain(asAdmin.status);
    }
    // (c) the rightful caller succeeds: the owner, or for `user` rows someone else.
    const actor = row.access === 'public' ? undefined : row.access === 'user' ? other : owner;
    const outcome = await send(key, await row.request(await context()), actor?.token);
    expect(outcome).toMatchObject({ ok: true });
  });
});
