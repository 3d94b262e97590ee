import { createTestApp, TestApp } from '../support/test-app';

// The data set behind `npm run demo`, made through the real API.
const { seedDemo, DEMO_PASSWORD } = require('../../scripts/demo-seed.js') as {
  seedDemo(
    api: string,
    databaseUrl: string,
  ): Promise<{
    seeded: boolean;
    sessions: Record<string, { accessToken: string; user: { id: string; username: string } }>;
  }>;
  DEMO_PASSWORD: string;
};

describe('npm run demo data set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds users, posts, a like, a comment and a voted poll, and hands out a working token', async () => {
    const first = await seedDemo(t.url, process.env.DATABASE_URL!);
    expect(first.seeded).toBe(true);

    const me = await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${first.sessions.alice.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'alice', role: 'admin' });

    const posts = await t.http.get('/api/posts?first=100');
    expect(posts.body.data).toHaveLength(5);
    const welcome = posts.body.data.find((p: { content: string }) =>
      p.content.startsWith('Welcome'),
    );
    expect(welcome).toMatchObject({ likeCount: 2, commentCount: 1 });

    const polls = await t.http.get('/api/polls');
    expect(polls.body.data).toEqual([
      expect.objectContaining({ question: 'Tabs or spaces?', votersCount: 1 }),
    ]);

    const alice = first.sessions.alice.user.id;
    const followers = await t.http.get(`/api/users/${alice}/followers`);
    expect(followers.body.data.map((u: { username: string }) => u.username).sort()).toEqual([
      'bob',
      'carol',
    ]);

    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'bob', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('adds nothing when run again', async () => {
    const again = await seedDemo(t.url, process.env.DATABASE_URL!);
    expect(again.seeded).toBe(false);
    expect((await t.http.get('/api/posts?first=100')).body.data).toHaveLength(5);
    expect((await t.http.get('/api/polls')).body.data).toHaveLength(1);
  });
});
