/** Jobs of the `polls` queue: the API schedules them, the worker runs them. */
export const POLL_JOBS = { open: 'poll-open', close: 'poll-close' } as const;

export type PollJobName = (typeof POLL_JOBS)[keyof typeof POLL_JOBS];

export interface PollJobData {
  pollId: string;
}

/** Deterministic (BullMQ forbids ':' in custom ids): scheduling twice keeps one job. */
export const pollJobId = (name: PollJobName, pollId: string) => `${name}.${pollId}`;
