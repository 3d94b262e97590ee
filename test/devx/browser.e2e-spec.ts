import { postInteractionTopic } from '@nexus/posts';
import { Browser, Page } from 'playwright-core';
import { launchChromium, PageWatch, screenshot, watchPage } from '../support/browser';
import { createUser, TestUser } from '../support/factory';
import { waitForListener } from '../support/subscriptions';
import { createTestApp, TestApp } from '../support/test-app';

// Real Chromium against the real server: what a developer sees when they open the docs.
describe('docs in a real browser (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let alice: TestUser;
  let postContent: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchChromium()]);
    alice = await createUser(t.app);
    postContent = `Seen in GraphiQL ${Date.now()}`;
    const post = await t.http
      .post('/api/posts')
      .set('Authorization', `Bearer ${alice.token}`)
      .send({ content: postContent });
    expect(post.status).toBe(201);
    // A fresh database per test file: the IDE's preloaded tabs name post 1.
    expect(post.body.id).toBe('1');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch = watchPage(page, t.url);
  });
  afterEach(async () => {
    await page.close();
    // Every request the page made, workers and sockets included, went to this server.
    expect(watch.offsite()).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(2);
  });

  it('GraphiQL loads from local assets, runs allPosts and shows the data', async () => {
    await page.goto(`${t.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    // The first preloaded tab is the brief's allPosts query.
    await page
      .locator('.graphiql-query-editor .view-lines')
      .getByText('allPosts', { exact: true })
      .waitFor();

    const answer = page.waitForResponse(
      (res) =>
        res.url() === `${t.url}/graphql` &&
        res.request().method() === 'POST' &&
        (res.request().postData() ?? '').includes('allPosts'),
    );
    await page.locator('.graphiql-execute-button').click();
    const body = await (await answer).json();
    expect(body.data.allPosts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          content: postContent,
          author: { id: alice.id, username: alice.username },
        }),
      ]),
    );
    await page.locator('.graphiql-response').getByText(postContent).waitFor();
    await screenshot(page, 'graphiql-all-posts');
    expect(watch.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(watch.requests).toEqual(
      expect.arrayContaining([
        `${t.url}/graphql/ide/graphiql.js`,
        `${t.url}/graphql/ide/editor.worker.js`,
      ]),
    );
  });

  it('GraphiQL sends the Authorization header typed in Headers, over HTTP and graphql-ws', async () => {
    await page.goto(`${t.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    const openTab = async (name: string) => {
      await page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${name}$`) }).click();
      await page
        .locator('.graphiql-query-editor .view-lines')
        .getByText(name, { exact: true })
        .waitFor();
      // GraphiQL re-reads the operation name 100 ms after the editor changes (its debounce);
      // running sooner would send the previous tab's name. Not a timing assertion.
      await page.waitForTimeout(400);
    };

    // "Me" needs a token: type it into the Headers editor as a developer would paste it.
    await openTab('Me');
    await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)').click();
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${alice.token}` }));
    const me = page.waitForResponse(
      (res) =>
        res.url() === `${t.url}/graphql` && (res.request().postData() ?? '').includes('me {'),
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await me).request().headers().authorization).toBe(`Bearer ${alice.token}`);
    await page.locator('.graphiql-response').getByText(alice.email).waitFor();

    // The subscription tab streams over graphql-ws; a like made elsewhere shows up live.
    await openTab('PostInteraction');
    await page.locator('.graphiql-execute-button').click();
    // Once the API listens on the post's channel, like post 1 over REST (another client).
    await waitForListener(postInteractionTopic('1'));
    const like = await t.http
      .post('/api/posts/1/like')
      .set('Authorization', `Bearer ${alice.token}`);
    expect(like.status).toBe(200);
    await page.locator('.graphiql-response').getByText('"LIKE"').waitFor();
    await screenshot(page, 'graphiql-subscription');
  });

  it('Swagger UI authorizes with a token from login and executes GET /api/auth/me', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: alice.username, password: alice.password });
    expect(login.status).toBe(200);

    await page.goto(`${t.url}/api/docs`, { waitUntil: 'load' });
    await page.locator('button.authorize').click();
    await page.locator('.auth-container input').fill(login.body.accessToken);
    await page.locator('.auth-btn-wrapper button.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done').click();

    const op = page.locator('#operations-auth-Auth_me');
    await op.locator('.opblock-summary').click();
    await op.locator('button.try-out__btn').click();
    const answer = page.waitForResponse((res) => res.url() === `${t.url}/api/auth/me`);
    await op.locator('button.execute').click();
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(res.request().headers().authorization).toBe(`Bearer ${login.body.accessToken}`);
    await op.locator('.live-responses-table .response-col_status').getByText('200').waitFor();
    await op.locator('.live-responses-table').getByText(alice.username).first().waitFor();
    await screenshot(page, 'swagger-auth-me');
  });
});
