import {
  HitSource,
  LeasedThrottlerStorage,
  leaseSize,
  MAX_LEASES,
} from './leased-throttler.storage';
import { HitGrant } from './redis-hit-counter';

/** The Redis script's rules in memory (the e2e rate-limit tests run the real one). */
class MemoryCounter implements HitSource {
  calls = 0;
  down = false;
  private readonly windows = new Map<string, { hits: number; ends: number }>();
  private readonly blocks = new Map<string, number>();

  constructor(private readonly clock: () => number) {}

  async take(key: string, ttl: number, limit: number, blockMs: number, want: number) {
    this.calls++;
    await Promise.resolve();
    if (this.down) return null;
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now >= window.ends)
      this.windows.set(key, (window = { hits: 0, ends: now + ttl }));
    window.hits += want;
    const grant = (blockedMs: number, granted: number): HitGrant => ({
      hits: window.hits,
      windowMs: window.ends - now,
      blockedMs,
      granted,
    });
    const blockedUntil = this.blocks.get(key) ?? 0;
    if (blockedUntil > now) return grant(blockedUntil - now, 0);
    const granted = Math.min(want, limit - (window.hits - want));
    if (granted >= 1) return grant(0, granted);
    this.blocks.set(key, now + blockMs);
    return grant(blockMs, 0);
  }

  async close() {}
}

describe('LeasedThrottlerStorage', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  const hit = (storage: LeasedThrottlerStorage, limit: number, key = 'k') =>
    storage.increment(key, 60_000, limit, 60_000, 'default');

  it('takes a 50th of the limit at a time, 1 to 100', () => {
    expect([1, 5, 99, 100, 300, 5_000, 1e9].map(leaseSize)).toEqual([1, 1, 1, 2, 6, 100, 100]);
  });

  it('serves concurrent requests from shared leases: one round trip per lease', async () => {
    const counter = new MemoryCounter(clock);
    const storage = new LeasedThrottlerStorage(counter, clock);
    const records = await Promise.all(Array.from({ length: 250 }, () => hit(storage, 5_000)));
    expect(counter.calls).toBe(3);
    expect(records.every((r) => !r.isBlocked)).toBe(true);
    expect(records.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 250 }, (_, i) => i + 1),
    );
  });

  it('never lets a key past its limit, whatever the instances hold', async () => {
    const counter = new MemoryCounter(clock);
    const instances = [1, 2, 3].map(() => new LeasedThrottlerStorage(counter, clock));
    const limit = 200; // leases of 4
    const records = await Promise.all(
      Array.from({ length: 400 }, (_, i) => hit(instances[i % 3], limit)),
    );
    const allowed = records.filter((r) => !r.isBlocked).length;
    expect(allowed).toBeLessThanOrEqual(limit);
    expect(allowed).toBeGreaterThanOrEqual(limit - 3 * (leaseSize(limit) - 1));
  });

  it('answers a blocked key locally until the block ends, then asks Redis again', async () => {
    const counter = new MemoryCounter(clock);
    const storage = new LeasedThrottlerStorage(counter, clock);
    for (let i = 0; i < 3; i++) expect((await hit(storage, 3)).isBlocked).toBe(false);
    const blocked = await hit(storage, 3);
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    const calls = counter.calls;
    now += 30_000;
    expect(await hit(storage, 3)).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    expect(counter.calls).toBe(calls);
    now += 30_000; // the window and the block are over
    expect(await hit(storage, 3)).toMatchObject({ isBlocked: false, totalHits: 1 });
    expect(counter.calls).toBe(calls + 1);
  });

  it('drops what is left of a lease when its window ends', async () => {
    const counter = new MemoryCounter(clock);
    const storage = new LeasedThrottlerStorage(counter, clock);
    expect(await hit(storage, 5_000)).toMatchObject({ totalHits: 1, timeToExpire: 60 });
    now += 60_000;
    expect(await hit(storage, 5_000)).toMatchObject({ totalHits: 1, timeToExpire: 60 });
    expect(counter.calls).toBe(2);
  });

  it('lets requests through while Redis is unavailable, keeping nothing', async () => {
    const counter = new MemoryCounter(clock);
    const storage = new LeasedThrottlerStorage(counter, clock);
    counter.down = true;
    expect(await hit(storage, 1)).toMatchObject({ isBlocked: false, totalHits: 0 });
    expect(await hit(storage, 1)).toMatchObject({ isBlocked: false });
    expect(counter.calls).toBe(2);
    counter.down = false;
    expect(await hit(storage, 1)).toMatchObject({ isBlocked: false, totalHits: 1 });
    expect((await hit(storage, 1)).isBlocked).toBe(true);
  });

  it(`keeps at most ${MAX_LEASES} keys`, async () => {
    const storage = new LeasedThrottlerStorage(new MemoryCounter(clock), clock);
    for (let i = 0; i < MAX_LEASES + 10; i++) await hit(storage, 5_000, `client${i}`);
    expect(storage['leases'].size).toBeLessThanOrEqual(MAX_LEASES);
    // The latest client keeps its lease.
    expect((await hit(storage, 5_000, `client${MAX_LEASES + 9}`)).totalHits).toBe(2);
  });
});
