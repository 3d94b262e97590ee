import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('GraphQL IDE at GET /graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the GraphiQL page to a browser with its own strict CSP', async () => {
    const res = await t.http.get('/graphql').set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<script type="module" src="/graphql/ide/graphiql.js">');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(res.headers['x-request-id']).toBeDefined();
    // No absolute URL anywhere in the shell: every asset is this server's.
    expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it.each([
    'graphiql.js',
    'graphiql.css',
    'editor.worker.js',
    'json.worker.js',
    'graphql.worker.js',
  ])('serves the bundled %s from this server', async (file) => {
    const res = await t.http.get(`/graphql/ide/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(Number(res.headers['content-length'])).toBeGreaterThan(1000);
  });

  it('answers an unknown asset with a 404 in the shared error shape', async () => {
    const res = await t.http.get('/graphql/ide/nope.js');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('leaves POST /graphql and non-browser GETs to Apollo, landing page off', async () => {
    const post = await gql(t.http, '{ apiVersion }');
    expect(post.status).toBe(200);
    expect(post.data).toEqual({ apiVersion: expect.any(String) });
    // A client asking for JSON without a query gets Apollo's answer, not the page.
    const get = await t.http.get('/graphql').set('Accept', 'application/json');
    expect(get.status).toBe(400);
    expect(get.text).not.toContain('GraphiQL');
  });
});

describe('GraphQL IDE switched off (GRAPHQL_IDE=false)', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.GRAPHQL_IDE = 'false';
    t = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.GRAPHQL_IDE;
    await t.close();
  });

  it('serves neither the page nor its assets', async () => {
    const page = await t.http.get('/graphql').set('Accept', BROWSER_ACCEPT);
    expect(page.status).toBe(400);
    expect(page.text).not.toContain('graphiql.js');
    expect((await t.http.get('/graphql/ide/graphiql.js')).status).not.toBe(200);
  });
});
