import { createUser, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';
import { inPool, restRoutes, RestRoute, routeKey } from './support/contract';
import { createFixture, Fixture, idFor } from './support/fixtures';
import {
  BAD_IDS,
  BAD_QUERY_VALUES,
  HOSTILE_BODIES,
  HOSTILE_STRINGS,
  LEAK,
  validBody,
  WRONG_TYPES,
} from './support/hostile-values';

interface Case {
  label: string;
  path: string;
  body?: unknown;
  raw?: { type: string; payload: string | Buffer };
  sent?: { field: string; value: string };
}

/** Every variant for one route, generated from its OpenAPI description. */
function casesFor(route: RestRoute, fixture: Fixture, user: TestUser): Case[] {
  const realPath = route.path.replace(/\{(\w+)\}/g, () => idFor(route.path, fixture, user));
  const extras = { optionId: Number(fixture.option), optionIds: [Number(fixture.option)] };
  const base = route.body ? validBody(route.body, extras) : undefined;
  const cases: Case[] = [{ label: 'valid', path: realPath, body: base }];
  for (const bad of route.pathParams.length > 0 ? BAD_IDS : []) {
    cases.push({ label: `id ${bad}`, path: route.path.replace(/\{\w+\}/g, bad), body: base });
  }
  route.queryParams.forEach((param, i) => {
    for (const bad of BAD_QUERY_VALUES.slice(i % 2, (i % 2) + 4)) {
      const query = `${param}=${bad}`;
      cases.push({ label: `?${param}=${JSON.stringify(bad)}`, path: `${realPath}?${query}` });
    }
  });
  if (route.method === 'get' || route.method === 'delete') return cases;
  const fields = Object.entries(route.body?.properties ?? {});
  fields.forEach(([field, schema], i) => {
    const isText = schema.type === 'string' || schema.items?.type === 'string';
    for (const [name, value] of Object.entries(HOSTILE_STRINGS)) {
      if (!isText || (name === 'huge' && i > 0)) continue;
      const sent = schema.type === 'array' ? [value, 'other option'] : value;
      cases.push({
        label: `${field}=${name}`,
        path: realPath,
        body: { ...base, [field]: sent },
        sent: { field, value },
      });
    }
    for (const wrong of [
      WRONG_TYPES[i % WRONG_TYPES.length],
      WRONG_TYPES[(i + 3) % WRONG_TYPES.length],
    ]) {
      cases.push({
        label: `${field}=${JSON.stringify(wrong)}`,
        path: realPath,
        body: { ...base, [field]: wrong },
      });
    }
  });
  for (const body of HOSTILE_BODIES) {
    cases.push({ label: body.name, path: realPath, raw: { type: body.type, payload: body.raw } });
  }
  return cases;
}

describe('hostile input over REST (generated from openapi.json)', () => {
  let t: TestApp;
  let user: TestUser;
  let fixture: Fixture;
  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t.app);
    fixture = await createFixture(t.app, user);
  });
  afterAll(() => t.close());

  const routes = restRoutes().filter((r) => r.path.startsWith('/api/'));

  it('covers every REST route of the contract', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.map((r) => [routeKey(r), r] as const))(
    '%s: never a 5xx, a leak or a lie',
    async (_key, route) => {
      const failures: string[] = [];
      const check = async (c: Case) => {
        const req = t.http[route.method](c.path).auth(user.token, { type: 'bearer' });
        const res = c.raw
          ? await req.set('content-type', c.raw.type).send(c.raw.payload)
          : c.body === undefined
            ? await req
            : await req.send(c.body as object);
        const text = res.text ?? '';
        const problem =
          res.status >= 500
            ? `status ${res.status}`
            : LEAK.test(text)
              ? `leak ${text.slice(0, 200)}`
              : res.status >= 400 && !isErrorShape(res.body, res.status)
                ? `shape ${text.slice(0, 200)}`
                : c.sent && res.status < 300 && !storedVerbatim(res.body, c.sent)
                  ? `not stored verbatim: ${text.slice(0, 200)}`
                  : undefined;
        if (problem) failures.push(`${c.label}: ${problem}`);
      };
      const cases = casesFor(route, fixture, user);
      await inPool(
        cases.filter((c) => !c.sent),
        6,
        check,
      );
      // Echo checks write the same row: one at a time, or a neighbour's write answers instead.
      await inPool(
        cases.filter((c) => c.sent),
        1,
        check,
      );
      expect(failures).toEqual([]);
    },
  );

  it('stays healthy afterwards', async () => {
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});

function isErrorShape(body: Record<string, unknown>, status: number): boolean {
  return (
    body?.statusCode === status &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    typeof body.requestId === 'string' &&
    (body.details === undefined ||
      (Array.isArray(body.details) &&
        body.details.every((d) => d !== null && typeof d === 'object')))
  );
}

/** An accepted string comes back exactly as sent wherever the answer echoes that field. */
function storedVerbatim(body: unknown, sent: { field: string; value: string }): boolean {
  const echoed = findField(body, sent.field);
  if (echoed === undefined) return true;
  const values = Array.isArray(echoed)
    ? echoed.map((o) => (typeof o === 'object' ? o?.text : o))
    : [echoed];
  return values.includes(sent.value);
}

function findField(body: unknown, field: string): unknown {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (field in record) return record[field];
  for (const child of Object.values(record)) {
    const found = findField(child, field);
    if (found !== undefined) return found;
  }
  return undefined;
}
