import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@nexus/core';
import Redis from 'ioredis';
import { FeedSettings } from './feed-settings';

/*
 * A timeline is the sorted set `feed:<userId>`: post ids scored by id, plus sentinel members at
 * score 0 that readers never see. `ready` means the set holds every fanned-out feed post newer
 * than its oldest id (a prefix of the feed); `building` means a rebuild is under way, so pushes
 * already land there. Pushes go only to existing sets: a missing set is cold and is answered from
 * PostgreSQL, so no push can create a partial timeline that looks complete.
 */
const TRIM = `
local function trim(key, cap)
  local n = redis.call('ZCARD', key)
  local s = redis.call('ZCOUNT', key, 0, 0)
  local excess = n - s - cap
  if excess > 0 then redis.call('ZREMRANGEBYRANK', key, s, s + excess - 1) end
end
local function addIds(key, from)
  local args = {}
  for i = from, #ARGV do args[#args + 1] = ARGV[i]; args[#args + 1] = ARGV[i] end
  if #args > 0 then redis.call('ZADD', key, unpack(args)) end
end`;

const READ = `
if not redis.call('ZSCORE', KEYS[1], 'ready') then return false end
redis.call('EXPIRE', KEYS[1], ARGV[3])
local ids = redis.call('ZREVRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '(0', 'LIMIT', 0, ARGV[2])
local fresh = redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4])
return { ids, fresh and 1 or 0 }`;

const PUSH = `${TRIM}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
addIds(KEYS[1], 2)
trim(KEYS[1], tonumber(ARGV[1]))
return 1`;

const BEGIN_BUILD = `
if redis.call('ZSCORE', KEYS[1], 'ready') then return 0 end
redis.call('ZADD', KEYS[1], 0, 'building')
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`;

const FINISH_BUILD = `${TRIM}
if not redis.call('ZSCORE', KEYS[1], 'building') then return 0 end
addIds(KEYS[1], 3)
redis.call('ZREM', KEYS[1], 'building')
redis.call('ZADD', KEYS[1], 0, 'ready')
trim(KEYS[1], tonumber(ARGV[1]))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

type Reply = string | number | null | Reply[];
interface TimelineCommands {
  feedRead(key: string, gate: string, ...args: (string | number)[]): Promise<Reply>;
  feedPush(key: string, ...args: (string | number)[]): Promise<number>;
  feedBeginBuild(key: string, ttl: number): Promise<number>;
  feedFinishBuild(key: string, ...args: (string | number)[]): Promise<number>;
}

/** Seconds a `building` marker lives if its rebuild dies before finishing. */
const BUILD_TTL_SECONDS = 120;

export const timelineKey = (userId: string) => `feed:${userId}`;
const activityGateKey = (userId: string) => `feed-active:${userId}`;

export interface TimelineRead {
  ids: string[];
  /** True at most once per gate period: the caller records the user as active. */
  markActive: boolean;
}

@Injectable()
export class TimelineStore {
  private readonly commands: TimelineCommands;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly settings: FeedSettings,
  ) {
    redis.defineCommand('feedRead', { numberOfKeys: 2, lua: READ });
    redis.defineCommand('feedPush', { numberOfKeys: 1, lua: PUSH });
    redis.defineCommand('feedBeginBuild', { numberOfKeys: 1, lua: BEGIN_BUILD });
    redis.defineCommand('feedFinishBuild', { numberOfKeys: 1, lua: FINISH_BUILD });
    this.commands = redis as unknown as TimelineCommands;
  }

  /** Newest ids below `before`, or null when the timeline is cold (missing or still building). */
  async read(userId: string, before: string, count: number): Promise<TimelineRead | null> {
    const reply = (await this.commands.feedRead(
      timelineKey(userId),
      activityGateKey(userId),
      before,
      count,
      this.settings.timelineTtlSeconds,
      this.settings.activityGateSeconds,
    )) as [string[], number] | null;
    return reply && { ids: reply[0], markActive: reply[1] === 1 };
  }

  /** The next ids of a ready timeline (later rounds of one page read). */
  range(userId: string, before: string, count: number): Promise<string[]> {
    return this.redis.zrevrangebyscore(timelineKey(userId), `(${before}`, '(0', 'LIMIT', 0, count);
  }

  /** The activity gate could not be recorded: let the next read try again. */
  async forgetActivity(userId: string): Promise<void> {
    await this.redis.del(activityGateKey(userId));
  }

  /** Adds the posts to each existing timeline and trims it; one pipeline. True where it existed. */
  async push(userIds: readonly string[], postIds: readonly string[]): Promise<boolean[]> {
    if (userIds.length === 0 || postIds.length === 0) return userIds.map(() => false);
    const pipeline = this.redis.pipeline() as unknown as TimelineCommands & {
      exec(): Promise<[Error | null, unknown][] | null>;
    };
    for (const userId of userIds) {
      pipeline.feedPush(timelineKey(userId), this.settings.timelineCap, ...postIds);
    }
    return throwOnError(await pipeline.exec()).map((r) => r === 1);
  }

  async remove(userIds: readonly string[], postIds: readonly string[]): Promise<void> {
    if (userIds.length === 0 || postIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.zrem(timelineKey(userId), ...postIds);
    throwOnError(await pipeline.exec());
  }

  /** The oldest post id held, or null for an empty or missing timeline. */
  async oldest(userId: string): Promise<string | null> {
    const [id] = await this.redis.zrangebyscore(timelineKey(userId), '(0', '+inf', 'LIMIT', 0, 1);
    return id ?? null;
  }

  /** False when the timeline is already ready (nothing to build). */
  async beginBuild(userId: string): Promise<boolean> {
    return (await this.commands.feedBeginBuild(timelineKey(userId), BUILD_TTL_SECONDS)) === 1;
  }

  /** False when the building marker vanished (flushed or expired): the result would be partial. */
  async finishBuild(userId: string, postIds: readonly string[]): Promise<boolean> {
    const { timelineCap, timelineTtlSeconds } = this.settings;
    const key = timelineKey(userId);
    return (
      (await this.commands.feedFinishBuild(key, timelineCap, timelineTtlSeconds, ...postIds)) === 1
    );
  }
}

function throwOnError(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis pipeline was not executed');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}
