import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { from, lastValueFrom, Observable } from 'rxjs';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
} from './idempotency.errors';
import { IdempotencyStore } from './idempotency.store';

const VALID_KEY = /^[\x21-\x7E]{1,255}$/;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 10_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Idempotency-Key on creating POST routes (attached by @Idempotent). The first request with a key claims it
 * in Redis (SET NX) and runs; its response is stored for IDEMPOTENCY_TTL_SECONDS. A repeat with
 * the same body replays that response; one with another body is 422. Repeats that arrive while
 * the first still runs wait for its answer (so 20 parallel retries create one resource and all
 * get the same answer); after 10 s they get 409 IDEMPOTENCY_KEY_IN_USE. A failed first request
 * releases the key, so errors are not replayed and the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const header = req.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !VALID_KEY.test(header))
      throw new InvalidIdempotencyKeyError();

    const res = context.switchToHttp().getResponse<Response>();
    const scope = req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
    // The route pattern plus the concrete path: one key may not be reused across resources.
    const key = `idempotency:${sha256(`${scope}\n${req.method} ${req.originalUrl.split('?')[0]}\n${header}`)}`;
    const fingerprint = sha256(`${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`);
    return from(this.run(key, fingerprint, res, next));
  }

  private async run(key: string, fingerprint: string, res: Response, next: CallHandler) {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      if (await this.store.claim(key, fingerprint)) return this.first(key, fingerprint, res, next);
      const stored = await this.store.read(key);
      if (stored && stored.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (stored?.state === 'done') {
        void res.code(stored.status ?? 200).header('Idempotent-Replayed', 'true');
        return stored.body;
      }
      if (Date.now() > deadline) throw new IdempotencyKeyInUseError();
      await sleep(WAIT_STEP_MS); // pending: the first request is still running
    }
  }

  private async first(key: string, fingerprint: string, res: Response, next: CallHandler) {
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // Nest set the route's status before interceptors ran; handlers may have changed it.
      const plain = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
      await this.store.complete(key, fingerprint, res.statusCode, plain);
      return body;
    } catch (err) {
      await this.store.release(key).catch(() => undefined);
      throw err;
    }
  }
}
