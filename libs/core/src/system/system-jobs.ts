/** The `system` queue's one job: a round trip that proves API → Redis → worker → Redis works. */
export const SYSTEM_PING_JOB = 'ping';

export interface SystemPingData {
  sentAt: number;
  /** Keep the job active this long (ms, ≤ 10 s): lets drain-on-SIGTERM be observed. */
  holdMs?: number;
}

export interface SystemPingResult {
  pong: true;
  processedBy: string;
  sentAt: number;
  processedAt: number;
}
