import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Marks a creating POST route: an `Idempotency-Key` header makes retries safe (24 h replay).
 * The interceptor is attached here, not globally: other routes and GraphQL fields skip its
 * rxjs wrapping.
 */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1–255 printable ASCII characters. The same key and body within 24 h replay the first ' +
        'response (header Idempotent-Replayed: true); the same key with a different body → 422 ' +
        'IDEMPOTENCY_KEY_REUSED; while the first request runs, repeats wait for its answer ' +
        '(409 IDEMPOTENCY_KEY_IN_USE after 10 s). Scoped to the caller (user, or IP when anonymous).',
    }),
  );
}
