import { PasswordHasher, TokensService } from '@nexus/auth';
import { INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  token: string;
}

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

/**
 * Inserts users straight into PostgreSQL with one precomputed argon2 hash and signs their access
 * tokens: 800 argon2 runs would dominate a concurrency test. Sign-up itself is tested over HTTP.
 */
export async function createUsers(
  app: INestApplicationContext,
  count: number,
  role: 'user' | 'admin' = 'user',
): Promise<TestUser[]> {
  passwordHash ??= app.get(PasswordHasher).hash(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomBytes(4).toString('hex');
  const names = Array.from({ length: count }, (_, i) => `u${tag}_${i}`);
  const rows = (await app.get(DataSource).query(
    `INSERT INTO users (username, email, password_hash, role)
     SELECT n, n || '@example.test', $2, $3 FROM unnest($1::text[]) AS n RETURNING id, username, email`,
    [names, hash, role],
  )) as { id: string; username: string; email: string }[];
  const tokens = app.get(TokensService);
  return rows.map((u) => ({
    ...u,
    password: TEST_PASSWORD,
    token: tokens.signAccessToken({ ...u, role }, randomUUID()),
  }));
}

export async function createUser(
  app: INestApplicationContext,
  role: 'user' | 'admin' = 'user',
): Promise<TestUser> {
  return (await createUsers(app, 1, role))[0];
}

/** Creates a post over HTTP as `author` (POST /api/posts) and returns its id. */
export async function createPost(http: TestAgent, author: TestUser, content: string) {
  const res = await http
    .post('/api/posts')
    .set('Authorization', `Bearer ${author.token}`)
    .send({ content })
    .expect(201);
  return res.body.id as string;
}
