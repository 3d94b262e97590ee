import { Client } from 'pg';
import { createUsers, TestUser } from '../support/factory';
import {
  drainFeedQueue,
  dropTimelines,
  graphqlFeedIds,
  referenceFeed,
  restFeedIds,
} from '../support/feed-support';
import { spawnApp, waitForExit, waitForOutput } from '../support/spawn-app';
import { connectDatabase } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';

/** A small seeded PRNG (mulberry32): a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scenario {
  seed: number;
  /** FEED_CELEBRITY_THRESHOLD for the API and the worker. */
  celebrityThreshold: string;
  /** Drop every timeline after this many steps (a Redis flush). */
  flushAfterStep?: number;
}

const USERS = 30;
const STEPS = 160;
const CHECK_EVERY = 80;

/**
 * Random sequences of post / delete / follow / unfollow / block / unblock across 30 users, with a
 * real worker process fanning out; after the worker drains, every user's feed (every page, both
 * doors) must equal the reference query on PostgreSQL.
 */
describe('feed equals the reference pull query after random sequences', () => {
  async function run({ seed, celebrityThreshold, flushAfterStep }: Scenario) {
    const saved = { ...process.env };
    Object.assign(process.env, {
      FEED_CELEBRITY_THRESHOLD: celebrityThreshold,
      FEED_TIMELINE_CAP: '12',
    });
    const t: TestApp = await createTestApp();
    const worker = spawnApp('worker');
    const db: Client = await connectDatabase();
    try {
      await waitForOutput(worker, /Worker ready/);
      const app = t;
      const users = await createUsers(app.app, USERS);
      const rnd = random(seed);
      const pick = () => users[Math.floor(rnd() * users.length)];
      const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
      const livePosts: { id: string; author: TestUser }[] = [];
      const log: string[] = [];

      // Half the users read their feed first, so their timelines are warm from the start.
      for (const u of users.slice(0, USERS / 2)) await restFeedIds(app.http, u, 10);

      const check = async (label: string) => {
        await drainFeedQueue(app.app);
        for (const u of users) {
          const expected = await referenceFeed(db, u.id);
          const context = `${label} seed=${seed} user=${u.id} after: ${log.slice(-8).join(', ')}`;
          expect({ context, ids: await restFeedIds(app.http, u, 4) }).toEqual({
            context,
            ids: expected,
          });
          expect({ context, ids: await graphqlFeedIds(app.http, u, 6) }).toEqual({
            context,
            ids: expected,
          });
        }
      };

      for (let step = 1; step <= STEPS; step++) {
        const actor = pick();
        const other = pick();
        const roll = rnd();
        if (roll < 0.35) {
          const res = await app.http
            .post('/api/posts')
            .set(auth(actor))
            .send({ content: `s${step}` });
          livePosts.push({ id: res.body.id, author: actor });
          log.push(`${actor.id} posts ${res.body.id}`);
        } else if (roll < 0.45 && livePosts.length > 0) {
          const [victim] = livePosts.splice(Math.floor(rnd() * livePosts.length), 1);
          await app.http.delete(`/api/posts/${victim.id}`).set(auth(victim.author)).expect(204);
          log.push(`${victim.author.id} deletes ${victim.id}`);
        } else if (roll < 0.75 && actor !== other) {
          await app.http.post(`/api/users/${other.id}/follow`).set(auth(actor));
          log.push(`${actor.id} follows ${other.id}`);
        } else if (roll < 0.88 && actor !== other) {
          await app.http.delete(`/api/users/${other.id}/follow`).set(auth(actor));
          log.push(`${actor.id} unfollows ${other.id}`);
        } else if (roll < 0.95 && actor !== other) {
          await app.http.post(`/api/users/${other.id}/block`).set(auth(actor));
          log.push(`${actor.id} blocks ${other.id}`);
        } else if (actor !== other) {
          await app.http.delete(`/api/users/${other.id}/block`).set(auth(actor));
          log.push(`${actor.id} unblocks ${other.id}`);
        }
        if (step === flushAfterStep) {
          await drainFeedQueue(app.app);
          expect(await dropTimelines()).toBeGreaterThan(0);
          log.push('timelines dropped');
        }
        if (step % CHECK_EVERY === 0) await check(`step ${step}`);
      }
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker).catch(() => worker.kill('SIGKILL'));
      await t.close();
      await db.end();
      process.env = saved;
    }
  }

  it('with fan-out to every follower', () => run({ seed: 11, celebrityThreshold: '10000' }));

  it('when Redis loses every timeline in the middle', () =>
    run({ seed: 23, celebrityThreshold: '10000', flushAfterStep: 100 }));

  it('with a low celebrity threshold, so the hybrid merge serves most authors', () =>
    run({ seed: 37, celebrityThreshold: '3' }));
});
