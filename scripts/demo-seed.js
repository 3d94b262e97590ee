// The demo's data set, made through the public API (so it obeys every rule and counter), plus
// one SQL statement to make alice an admin (no API grants roles). Idempotent: a second run
// finds the users and their posts and adds nothing. Swap this module for `npm run seed` when the
// performance work's seeding lands: npm run demo only needs seedDemo(apiUrl, databaseUrl).
const { Client } = require('pg');

const PASSWORD = 'nexus-demo-pass';
const USERS = [
  { username: 'alice', email: 'alice@example.com', displayName: 'Alice (admin)' },
  { username: 'bob', email: 'bob@example.com', displayName: 'Bob' },
  { username: 'carol', email: 'carol@example.com', displayName: 'Carol' },
];
const POSTS = {
  alice: [
    'Welcome to Nexus! Try the GraphQL IDE at /graphql.',
    'Polls update live over graphql-ws.',
  ],
  bob: ['Hello from Bob', 'REST and GraphQL call the same services.'],
  carol: ['Carol was here'],
};

async function call(api, method, path, body, token) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

async function expectOk(promise, what) {
  const res = await promise;
  if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function login(api, username) {
  return expectOk(
    call(api, 'POST', '/api/auth/login', { username, password: PASSWORD }),
    `login ${username}`,
  );
}

/** Seeds users, posts, likes, a comment, follows (when the API has them) and a poll. */
async function seedDemo(api, databaseUrl) {
  const sessions = {};
  for (const u of USERS) {
    const reg = await call(api, 'POST', '/api/auth/register', {
      username: u.username,
      email: u.email,
      password: PASSWORD,
    });
    // 409: already registered by an earlier demo run (its password is the demo one).
    if (reg.status !== 201 && reg.status !== 409) {
      throw new Error(`register ${u.username}: HTTP ${reg.status} ${JSON.stringify(reg.body)}`);
    }
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE users SET role = 'admin' WHERE username = 'alice'`);
  } finally {
    await db.end();
  }
  // Log in after the role change: the role travels in the access token.
  for (const u of USERS) sessions[u.username] = await login(api, u.username);
  const token = (name) => sessions[name].accessToken;

  const existing = await expectOk(
    call(api, 'GET', `/api/users/${sessions.alice.user.id}/posts?first=1`),
    'alice posts',
  );
  if (existing.data.length > 0) return { sessions, password: PASSWORD, seeded: false };

  for (const u of USERS) {
    await expectOk(
      call(api, 'PATCH', '/api/users/me', { displayName: u.displayName }, token(u.username)),
      'profile',
    );
  }
  const postIds = [];
  for (const [author, contents] of Object.entries(POSTS)) {
    for (const content of contents) {
      const post = await expectOk(
        call(api, 'POST', '/api/posts', { content }, token(author)),
        'post',
      );
      postIds.push(post.id);
    }
  }
  for (const liker of ['bob', 'carol']) {
    await expectOk(
      call(api, 'POST', `/api/posts/${postIds[0]}/like`, undefined, token(liker)),
      'like',
    );
  }
  await expectOk(
    call(
      api,
      'POST',
      `/api/posts/${postIds[0]}/comments`,
      { content: 'Nice to meet you!' },
      token('bob'),
    ),
    'comment',
  );
  // Follows need the social graph; a deployment without it answers 404 and gets none.
  for (const [follower, followee] of [
    ['bob', 'alice'],
    ['carol', 'alice'],
    ['alice', 'bob'],
  ]) {
    const res = await call(
      api,
      'POST',
      `/api/users/${sessions[followee].user.id}/follow`,
      undefined,
      token(follower),
    );
    if (res.status === 404) break;
    if (res.status >= 300)
      throw new Error(`follow: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
  const poll = await expectOk(
    call(
      api,
      'POST',
      '/api/polls',
      { question: 'Tabs or spaces?', options: ['Tabs', 'Spaces', 'Both'] },
      token('alice'),
    ),
    'poll',
  );
  await expectOk(
    call(api, 'POST', `/api/polls/${poll.id}/vote`, { optionId: poll.options[1].id }, token('bob')),
    'vote',
  );
  return { sessions, password: PASSWORD, seeded: true, pollId: poll.id, postIds };
}

module.exports = { seedDemo, DEMO_PASSWORD: PASSWORD };
