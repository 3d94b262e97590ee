import { Client } from 'pg';
import { LoadRequest } from './load';
import { Fixtures } from './seed';

export interface Scenario {
  name: string;
  next: (i: number) => LoadRequest;
  /** Checked after the run: the bench also proves the write path stayed exact. */
  verify?: (db: Client) => Promise<void>;
}

const FEED_QUERY = `{ allPosts(first: 20) { id content viewerHasLiked author { username }
  comments(first: 3) { content author { username } } } }`;

export function scenarios(f: Fixtures, tokens: string[]): Scenario[] {
  const auth = (i: number) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` });
  return [
    {
      name: 'REST GET /api/posts?first=20 (anonymous)',
      next: () => ({ method: 'GET', path: '/api/posts?first=20' }),
    },
    {
      name: 'REST GET /api/posts/:id (signed in)',
      next: (i) => ({
        method: 'GET',
        path: `/api/posts/${f.postIds[i % f.postIds.length]}`,
        headers: auth(i),
      }),
    },
    {
      name: 'GraphQL allPosts(20) + authors + comments + liked',
      next: (i) => ({
        method: 'POST',
        path: '/graphql',
        headers: auth(i),
        body: JSON.stringify({ query: FEED_QUERY }),
      }),
    },
    {
      name: 'GraphQL toggleLike on one hot post',
      next: (i) => ({
        method: 'POST',
        path: '/graphql',
        headers: auth(i),
        body: JSON.stringify({
          query: `mutation { toggleLike(postId: ${f.hotPostId}) { liked post { likeCount } } }`,
        }),
      }),
      verify: async (db) => {
        const { rows } = await db.query(
          `SELECT like_count, (SELECT count(*)::int FROM likes WHERE post_id = $1) AS rows
           FROM posts WHERE id = $1`,
          [f.hotPostId],
        );
        const ok = rows[0].like_count === rows[0].rows;
        console.log(
          `hot post like_count ${rows[0].like_count} = likes rows ${rows[0].rows}: ${ok}`,
        );
        if (!ok) process.exitCode = 1;
      },
    },
    {
      name: 'REST POST /api/polls/:id/vote (distinct voters)',
      // Request i: poll (i / users) % 50, voter i % users: every ballot is a first ballot.
      next: (i) => {
        const poll = f.polls[Math.floor(i / f.users.length) % f.polls.length];
        return {
          method: 'POST',
          path: `/api/polls/${poll.id}/vote`,
          headers: auth(i),
          body: JSON.stringify({ optionId: poll.optionIds[i % 2] }),
        };
      },
      verify: async (db) => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS bad FROM polls p
           WHERE p.voters_count <> (SELECT count(*) FROM poll_voters v WHERE v.poll_id = p.id)
              OR p.votes_count <> (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id)
              OR EXISTS (SELECT 1 FROM poll_options o WHERE o.poll_id = p.id AND o.votes_count <>
                   (SELECT count(*) FROM poll_votes v WHERE v.option_id = o.id))`,
        );
        console.log(`polls whose tallies differ from their rows: ${rows[0].bad}`);
        if (rows[0].bad !== 0) process.exitCode = 1;
      },
    },
  ];
}
