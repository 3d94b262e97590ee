import { createUser, TestUser } from '../support/factory';
import { createTestApp, TestApp } from '../support/test-app';

describe('Bull Board at /admin/queues', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;
  const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

  beforeAll(async () => {
    process.env.BULL_BOARD_USER = 'ops';
    process.env.BULL_BOARD_PASSWORD = 'correct-horse-battery-staple';
    t = await createTestApp();
    user = await createUser(t.app);
    admin = await createUser(t.app, 'admin');
  });
  afterAll(async () => {
    delete process.env.BULL_BOARD_USER;
    delete process.env.BULL_BOARD_PASSWORD;
    await t.close();
  });

  it('asks anonymous callers to authenticate (401 with a basic-auth challenge)', async () => {
    const res = await t.http.get('/admin/queues');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await t.http.get('/admin/queues/api/queues')).status).toBe(401);
  });

  it('refuses ordinary users (403) and wrong operator credentials (401)', async () => {
    const res = await t.http.get('/admin/queues').set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const wrong = await t.http.get('/admin/queues').set('Authorization', basic('ops', 'guess'));
    expect(wrong.status).toBe(401);
    const forged = await t.http.get('/admin/queues').set('Authorization', 'Bearer a.b.c');
    expect(forged.status).toBe(401);
  });

  it('serves the dashboard, its assets and its API to an admin', async () => {
    const page = await t.http.get('/admin/queues').set('Authorization', `Bearer ${admin.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const script = /src="([^"]*static\/js\/main[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const asset = await t.http
      .get(script!.startsWith('/') ? script! : `/admin/queues/${script}`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);

    const api = await t.http
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${admin.token}`);
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['analytics', 'feed', 'maintenance', 'notifications', 'polls', 'system']);
  });

  it('lets operators in with the configured basic-auth pair', async () => {
    const res = await t.http
      .get('/admin/queues')
      .set('Authorization', basic('ops', 'correct-horse-battery-staple'));
    expect(res.status).toBe(200);
  });
});
