/**
 * A poll with its tallies, the same for every viewer: what the cache stores and what pollUpdated
 * carries. Per-viewer hiding and viewerOptionIds are applied later (poll-view.ts).
 */
export interface PollOptionSnapshot {
  id: string;
  text: string;
  position: number;
  votesCount: number;
}

export interface PollSnapshot {
  id: string;
  authorId: string;
  question: string;
  description: string | null;
  allowsMultiple: boolean;
  hideTotals: boolean;
  createdAt: Date;
  startsAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
  votesCount: number;
  votersCount: number;
  options: PollOptionSnapshot[];
}

const DATE_FIELDS = ['createdAt', 'startsAt', 'expiresAt', 'closedAt'] as const;

/** JSON (cache, pub/sub) turns dates into strings; turn them back. */
export function reviveSnapshot(raw: PollSnapshot): PollSnapshot {
  const revived = { ...raw };
  for (const field of DATE_FIELDS) {
    const value = raw[field] as Date | string | null;
    (revived as Record<string, unknown>)[field] = value === null ? null : new Date(value);
  }
  return revived;
}
