import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { FailOpenHitCounter } from './fail-open-hit-counter';
import { HitGrant } from './redis-hit-counter';

/** Hits an instance takes from Redis at once: a 50th of the limit, from 1 to 100. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(100, Math.floor(limit / 50)));
}

/** Past this many keys, leases whose window has ended are dropped (all of them if none has). */
export const MAX_LEASES = 10_000;

/** Where leases come from: Redis behind the fail-open wrapper (null: unavailable, let through). */
export type HitSource = Pick<FailOpenHitCounter, 'take' | 'close'>;

/** Hits of one key granted to this instance, or the key's block, as Redis last answered. */
interface Lease {
  left: number;
  /** Hits Redis counted up to and including this lease's grant, every instance together. */
  counted: number;
  windowEnds: number;
  blockedUntil: number;
}

const PASSED: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));

/**
 * Rate-limit checks served from hits leased from Redis in blocks (`leaseSize`): one round trip
 * per block instead of one per request, with the count still shared by every instance. A client
 * can never pass its limit; at worst it is refused up to (lease − 1) hits early per instance
 * holding part of its budget (0 for limits under 100; 5 of the default 300). A block is kept here
 * too, so a refused client costs no round trip until it ends. Concurrent requests for a key with
 * no hits left share one renewal.
 */
export class LeasedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly leases = new Map<string, Lease>();
  private readonly renewals = new Map<string, Promise<Lease | null>>();

  constructor(
    private readonly counter: HitSource,
    private readonly clock: () => number = Date.now,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const id = `${key}:${throttlerName}`;
    for (;;) {
      const now = this.clock();
      const lease = this.leases.get(id);
      if (lease && now < lease.blockedUntil) return blockedRecord(lease, now);
      if (lease && now < lease.windowEnds && lease.left > 0) {
        lease.left--;
        return {
          totalHits: lease.counted - lease.left,
          timeToExpire: secondsUntil(lease.windowEnds, now),
          isBlocked: false,
          timeToBlockExpire: 0,
        };
      }
      // Nothing usable here: take more from Redis (shared with concurrent requests), then retry.
      if (!(await this.renew(id, ttl, limit, blockDuration))) return PASSED;
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.counter.close();
  }

  private renew(id: string, ttl: number, limit: number, blockDuration: number) {
    let renewal = this.renewals.get(id);
    if (!renewal) {
      renewal = this.take(id, ttl, limit, blockDuration).finally(() => this.renewals.delete(id));
      this.renewals.set(id, renewal);
    }
    return renewal;
  }

  private async take(id: string, ttl: number, limit: number, blockDuration: number) {
    const want = leaseSize(limit);
    const grant = await this.counter.take(id, ttl, limit, blockDuration, want);
    if (!grant) return null; // Redis unavailable: this request passes, nothing is kept
    const lease = leaseOf(grant, want, this.clock());
    this.keep(id, lease);
    return lease;
  }

  private keep(id: string, lease: Lease): void {
    if (this.leases.size >= MAX_LEASES && !this.leases.has(id)) {
      const now = this.clock();
      for (const [other, held] of this.leases)
        if (now >= held.windowEnds && now >= held.blockedUntil) this.leases.delete(other);
      if (this.leases.size >= MAX_LEASES) this.leases.clear();
    }
    this.leases.set(id, lease);
  }
}

function leaseOf(grant: HitGrant, want: number, now: number): Lease {
  return {
    left: grant.granted,
    // Hits asked for but not granted were counted by Redis; they are not this instance's.
    counted: grant.hits - (want - grant.granted),
    windowEnds: now + grant.windowMs,
    blockedUntil: grant.blockedMs > 0 ? now + grant.blockedMs : 0,
  };
}

function blockedRecord(lease: Lease, now: number): ThrottlerStorageRecord {
  return {
    totalHits: lease.counted,
    timeToExpire: secondsUntil(lease.windowEnds, now),
    isBlocked: true,
    timeToBlockExpire: secondsUntil(lease.blockedUntil, now),
  };
}
