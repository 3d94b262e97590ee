import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment';
import { OutboxRelay } from './outbox-relay';

/**
 * Polls the outbox while this process runs (the worker runs it; any number may). A full batch
 * is followed at once by the next; an empty or failed one waits OUTBOX_RELAY_INTERVAL_MS.
 */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delay);
  }

  private async tick(): Promise<void> {
    let delivered = 0;
    try {
      delivered = await this.relay.relayPending();
      if (delivered) this.logger.log(`Relayed ${delivered} outbox jobs`);
    } catch (err) {
      this.logger.warn(`Outbox relay failed: ${(err as Error).message}`);
    }
    this.schedule(delivered > 0 ? 0 : this.env.OUTBOX_RELAY_INTERVAL_MS);
  }
}
