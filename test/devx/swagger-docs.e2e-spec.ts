import { createTestApp, TestApp } from '../support/test-app';

interface Operation {
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Property {
  example?: unknown;
  $ref?: string;
  allOf?: unknown[];
  items?: { $ref?: string };
}

// What a reader of /api/docs relies on, checked on the served document.
describe('Swagger document (/api/docs-json)', () => {
  let t: TestApp;
  let doc: {
    tags: { name: string; description?: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: Record<string, Property> }> };
  };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json')).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ name: `${m.toUpperCase()} ${p}`, op })),
    );

  it('files every operation under a module tag', () => {
    const described = new Set(doc.tags.filter((tag) => tag.description).map((tag) => tag.name));
    for (const { name, op } of operations()) {
      expect({ name, tags: op.tags }).toEqual({ name, tags: [expect.any(String)] });
    }
    expect([...described]).toEqual(
      expect.arrayContaining([
        'auth',
        'users',
        'posts',
        'comments',
        'polls',
        'social graph',
        'feed',
      ]),
    );
  });

  it('gives every DTO field an example', () => {
    const missing = Object.entries(doc.components.schemas).flatMap(([schema, s]) =>
      Object.entries(s.properties ?? {})
        .filter(([, p]) => p.example === undefined && !p.$ref && !p.allOf && !p.items?.$ref)
        .map(([field]) => `${schema}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents every API error response with the shared error schema', () => {
    const bare = operations().flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400 && !name.includes(' /health/'))
        .filter(
          ([, r]) => !r.content?.['application/json']?.schema?.$ref?.endsWith('/ErrorResponse'),
        )
        .map(([status]) => `${name} ${status}`),
    );
    expect(bare).toEqual([]);
  });
});
