import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TestUser } from '../../support/factory';

export interface Fixture {
  post: string;
  comment: string;
  poll: string;
  option: string;
}

/** A post with a comment and an open poll, all owned by `owner`, written straight to SQL. */
export async function createFixture(
  app: INestApplicationContext,
  owner: TestUser,
): Promise<Fixture> {
  const db = app.get(DataSource);
  const [post] = (await db.query(
    `WITH p AS (INSERT INTO posts (author_id, content, comment_count) VALUES ($1, 'fixture post', 1) RETURNING id)
     SELECT id FROM p`,
    [owner.id],
  )) as { id: string }[];
  await db.query('UPDATE users SET posts_count = posts_count + 1 WHERE id = $1', [owner.id]);
  const [comment] = (await db.query(
    `INSERT INTO comments (post_id, author_id, content) VALUES ($1, $2, 'fixture comment') RETURNING id`,
    [post.id, owner.id],
  )) as { id: string }[];
  const [poll] = (await db.query(
    `INSERT INTO polls (author_id, question) VALUES ($1, 'fixture poll?') RETURNING id`,
    [owner.id],
  )) as { id: string }[];
  const options = (await db.query(
    `INSERT INTO poll_options (poll_id, position, text) VALUES ($1, 0, 'yes'), ($1, 1, 'no') RETURNING id`,
    [poll.id],
  )) as { id: string }[];
  return { post: post.id, comment: comment.id, poll: poll.id, option: options[0].id };
}

/** The real id a path parameter of this route refers to. */
export function idFor(path: string, fixture: Fixture, user: TestUser): string {
  if (path.startsWith('/api/posts/')) return fixture.post;
  if (path.startsWith('/api/comments/')) return fixture.comment;
  if (path.startsWith('/api/polls/')) return fixture.poll;
  if (path.startsWith('/api/users/')) return user.id;
  return '1';
}
