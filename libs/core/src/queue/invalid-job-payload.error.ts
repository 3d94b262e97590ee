import { UnrecoverableError } from 'bullmq';

/** Fails a job at once, without retries: a malformed payload stays malformed. */
export class InvalidJobPayloadError extends UnrecoverableError {
  constructor(queue: string, problem: string) {
    super(`Invalid ${queue} job payload: ${problem}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** Numeric id strings as the API produces them (bigint in SQL). */
export const JOB_ID_PATTERN = /^[1-9]\d{0,18}$/;
