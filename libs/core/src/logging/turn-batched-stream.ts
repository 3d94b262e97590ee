import type { DestinationStream } from 'pino';

/** What a turn may hold back; past it the lines go out at once, so a burst cannot pile up. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * A log destination that writes each event-loop turn's lines in one `write`: a line costs a
 * string append instead of a system call (stdout writes to files and pipes are synchronous on
 * Linux, and pino writes once per line). The lines go out at `setImmediate` (or as soon as
 * 64 KB wait), in order, and synchronously on process exit; a process killed outright
 * (SIGKILL, out of memory) loses at most the lines of its last turn.
 */
export class TurnBatchedStream implements DestinationStream {
  private pending = '';
  private scheduled = false;
  private closed = false;

  constructor(private readonly target: DestinationStream) {
    process.on('exit', this.flush);
  }

  write(line: string): void {
    if (this.closed) {
      this.target.write(line);
      return;
    }
    this.pending += line;
    if (this.pending.length >= MAX_PENDING_CHARS) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushSoon);
    }
  }

  /**
   * Writes the pending lines now. Also pino's `logger.flush(callback)` (the callback runs once
   * the lines are handed to the target: written, for stdout and LOG_FILE, which are synchronous)
   * and the process `exit` listener.
   */
  readonly flush = (callback?: unknown): void => {
    if (this.pending !== '') {
      const lines = this.pending;
      this.pending = '';
      this.target.write(lines);
    }
    if (typeof callback === 'function') (callback as () => void)();
  };

  /** Flushes, and writes later lines (an app's last words after shutdown) one by one. */
  close(): void {
    this.flush();
    this.closed = true;
    process.off('exit', this.flush);
  }

  private readonly flushSoon = (): void => {
    this.scheduled = false;
    this.flush();
  };
}
