import TestAgent from 'supertest/lib/agent';
import { TEST_PASSWORD, TestUser } from '../support/factory';
import { Fixture } from './support/fixtures';

/**
 * Who may call each state-changing operation. The matrix test generates its list of operations
 * from openapi.json (every non-GET route) and schema.gql (every mutation): an operation without a
 * row here fails the test, and so does a row whose operation no longer exists.
 *
 * - `public`: anyone, no token (sign-up, login, refresh).
 * - `user`: any signed-in user, also on someone else's resource (like, comment, vote, follow).
 *   The case runs as `other` acting on `owner`'s fixture.
 * - `owner`: only the resource's owner, plus admins when `admin: true`. Another user gets 403 or
 *   404 and the listed `tables` must be byte-for-byte unchanged.
 * - `self`: acts on the caller's own account only (no foreign resource can be named).
 *
 * Each case gets a fresh fixture (post + comment + poll owned by `owner`).
 * Adding an operation is one line, e.g.
 *   'POST /api/users/{id}/follow': user((c) => ({ path: `/api/users/${c.target.id}/follow` })),
 *   'mutation follow': user((c) => ({ variables: { input: { userId: c.target.id } } })),
 *   'PATCH /api/things/{id}': owner(['things'], (c) => ({ path: `/api/things/${c.f.thing}`, body })),
 */
export interface MatrixContext {
  f: Fixture;
  owner: TestUser;
  other: TestUser;
  /** A fresh user per case, for operations on a user (follow, block): no state leaks across rows. */
  target: TestUser;
  http: TestAgent;
}

export interface MatrixRequest {
  /** REST: the concrete path (ids filled in). GraphQL rows leave it out. */
  path?: string;
  body?: Record<string, unknown>;
  /** GraphQL: variables for the generated `mutation(...) { name(...) { __typename } }`. */
  variables?: Record<string, unknown>;
}

export interface MatrixRow {
  access: 'public' | 'user' | 'owner' | 'self';
  admin?: boolean;
  tables?: string[];
  request: (c: MatrixContext) => MatrixRequest | Promise<MatrixRequest>;
}

type Build = MatrixRow['request'];
const pub = (request: Build): MatrixRow => ({ access: 'public', request });
const user = (request: Build): MatrixRow => ({ access: 'user', request });
const self = (request: Build): MatrixRow => ({ access: 'self', request });
const owner = (tables: string[], request: Build, admin = true): MatrixRow => ({
  access: 'owner',
  tables,
  admin,
  request,
});

let serial = 0;
const fresh = () => `m${process.pid}x${++serial}`;
const newAccount = () => {
  const name = fresh();
  return { username: name, email: `${name}@example.test`, password: 'long-enough-password' };
};
const refreshTokenOf = async (c: MatrixContext) =>
  (
    await c.http
      .post('/api/auth/login')
      .send({ username: c.owner.username, password: TEST_PASSWORD })
  ).body.refreshToken as string;
const inFuture = () => new Date(Date.now() + 86_400_000).toISOString();

export const MATRIX_ROWS: Record<string, MatrixRow> = {
  // REST
  'POST /api/auth/register': pub(() => ({ path: '/api/auth/register', body: newAccount() })),
  'POST /api/auth/login': pub((c) => ({
    path: '/api/auth/login',
    body: { username: c.owner.username, password: TEST_PASSWORD },
  })),
  'POST /api/auth/refresh': pub(async (c) => ({
    path: '/api/auth/refresh',
    body: { refreshToken: await refreshTokenOf(c) },
  })),
  'POST /api/auth/logout': self(() => ({ path: '/api/auth/logout' })),
  'PATCH /api/users/me': self(() => ({ path: '/api/users/me', body: { bio: 'matrix' } })),
  // Marks only the caller's own notifications read (ids of others' are ignored by the WHERE).
  'POST /api/notifications/read': self(() => ({
    path: '/api/notifications/read',
    body: { all: true },
  })),
  'POST /api/posts': user(() => ({ path: '/api/posts', body: { content: 'matrix post' } })),
  'PATCH /api/posts/{id}': owner(['posts'], (c) => ({
    path: `/api/posts/${c.f.post}`,
    body: { content: 'edited' },
  })),
  'DELETE /api/posts/{id}': owner(['posts', 'users'], (c) => ({ path: `/api/posts/${c.f.post}` })),
  'POST /api/posts/{id}/like': user((c) => ({ path: `/api/posts/${c.f.post}/like` })),
  'DELETE /api/posts/{id}/like': user((c) => ({ path: `/api/posts/${c.f.post}/like` })),
  'POST /api/posts/{id}/share': user((c) => ({ path: `/api/posts/${c.f.post}/share` })),
  'POST /api/posts/{id}/comments': user((c) => ({
    path: `/api/posts/${c.f.post}/comments`,
    body: { content: 'matrix comment' },
  })),
  'DELETE /api/comments/{id}': owner(['comments', 'posts'], (c) => ({
    path: `/api/comments/${c.f.comment}`,
  })),
  'POST /api/polls': user(() => ({
    path: '/api/polls',
    body: { question: 'Matrix?', options: ['a', 'b'], expiresAt: inFuture() },
  })),
  'DELETE /api/polls/{id}': owner(['polls', 'poll_options'], (c) => ({
    path: `/api/polls/${c.f.poll}`,
  })),
  'POST /api/polls/{id}/vote': user((c) => ({
    path: `/api/polls/${c.f.poll}/vote`,
    body: { optionId: Number(c.f.option) },
  })),
  'POST /api/polls/{id}/close': owner(['polls'], (c) => ({ path: `/api/polls/${c.f.poll}/close` })),
  // Social graph: `other` follows / blocks a fresh `target` (acting on someone else is the point).
  'POST /api/users/{id}/follow': user((c) => ({ path: `/api/users/${c.target.id}/follow` })),
  'DELETE /api/users/{id}/follow': user((c) => ({ path: `/api/users/${c.target.id}/follow` })),
  'POST /api/users/{id}/block': user((c) => ({ path: `/api/users/${c.target.id}/block` })),
  'DELETE /api/users/{id}/block': user((c) => ({ path: `/api/users/${c.target.id}/block` })),

  // GraphQL
  'mutation createUser': pub(() => ({ variables: newAccount() })),
  'mutation login': pub((c) => ({
    variables: { input: { username: c.owner.username, password: TEST_PASSWORD } },
  })),
  'mutation refreshToken': pub(async (c) => ({
    variables: { input: { refreshToken: await refreshTokenOf(c) } },
  })),
  'mutation logout': self(() => ({})),
  'mutation updateProfile': self(() => ({ variables: { input: { bio: 'matrix' } } })),
  'mutation markNotificationsRead': self(() => ({ variables: { input: { all: true } } })),
  'mutation createPost': user(() => ({ variables: { content: 'matrix post' } })),
  'mutation updatePost': owner(['posts'], (c) => ({
    variables: { input: { postId: c.f.post, content: 'edited' } },
  })),
  'mutation deletePost': owner(['posts', 'users'], (c) => ({
    variables: { input: { postId: c.f.post } },
  })),
  'mutation toggleLike': user((c) => ({ variables: { postId: c.f.post } })),
  'mutation sharePost': user((c) => ({ variables: { input: { postId: c.f.post } } })),
  'mutation addComment': user((c) => ({
    variables: { input: { postId: c.f.post, content: 'matrix comment' } },
  })),
  'mutation deleteComment': owner(['comments', 'posts'], (c) => ({
    variables: { input: { commentId: c.f.comment } },
  })),
  'mutation createPoll': user(() => ({
    variables: { input: { question: 'Matrix?', options: ['a', 'b'], expiresAt: inFuture() } },
  })),
  'mutation deletePoll': owner(['polls', 'poll_options'], (c) => ({
    variables: { input: { pollId: c.f.poll } },
  })),
  'mutation closePoll': owner(['polls'], (c) => ({ variables: { input: { pollId: c.f.poll } } })),
  'mutation follow': user((c) => ({ variables: { input: { userId: c.target.id } } })),
  'mutation unfollow': user((c) => ({ variables: { input: { userId: c.target.id } } })),
  'mutation block': user((c) => ({ variables: { input: { userId: c.target.id } } })),
  'mutation unblock': user((c) => ({ variables: { input: { userId: c.target.id } } })),
  'mutation vote': user((c) => ({
    variables: { input: { pollId: c.f.poll, optionIds: [c.f.option] } },
  })),
};
