import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import { PerHandler } from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One named limit as it applies to one handler. */
type Check = Omit<ThrottlerRequest, 'context'>;

const numberOr = (value: unknown, fallback: unknown): number => {
  const chosen = value ?? fallback;
  if (typeof chosen !== 'number') throw new Error('Rate limits must be numbers');
  return chosen;
};

/** A graphql-ws message: it has no response to carry the limit headers, and no limit applies. */
function isSubscriptionMessage(context: ExecutionContext): boolean {
  return (
    context.getType<GqlContextType>() === 'graphql' &&
    !GqlExecutionContext.create(context).getContext<{ res?: unknown }>().res
  );
}

/** The throttler for REST and GraphQL over HTTP. graphql-ws messages have no response to limit. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  /** Per controller/resolver class, per handler: the checks its requests run. */
  private readonly checks = new PerHandler((context) => this.workOutChecks(context));

  /**
   * As ThrottlerGuard, with the checks of a handler (skip flags, limits, trackers, key
   * generators: metadata and module options, nothing from the request) worked out on its first
   * request instead of on every one. `skipIf` options must therefore depend on the handler only
   * (ours reads @AuthRateLimit()); limits must be numbers.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isSubscriptionMessage(context)) return true;
    for (const check of this.checks.of(context)) await this.handleRequest({ context, ...check });
    return true;
  }

  private workOutChecks(context: ExecutionContext): Check[] {
    const targets = [context.getHandler(), context.getClass()];
    const meta = <T>(key: string, name: string) =>
      this.reflector.getAllAndOverride<T | undefined>(key + name, targets);
    return this.throttlers.flatMap((throttler): Check[] => {
      const name = throttler.name!;
      const skipIf = throttler.skipIf ?? this.commonOptions.skipIf;
      if (meta<boolean>(THROTTLER_SKIP, name) || skipIf?.(context)) return [];
      const ttl = numberOr(meta(THROTTLER_TTL, name), throttler.ttl);
      return [
        {
          throttler,
          limit: numberOr(meta(THROTTLER_LIMIT, name), throttler.limit),
          ttl,
          blockDuration: numberOr(
            meta(THROTTLER_BLOCK_DURATION, name),
            throttler.blockDuration ?? ttl,
          ),
          getTracker:
            meta(THROTTLER_TRACKER, name) ?? throttler.getTracker ?? this.commonOptions.getTracker!,
          generateKey:
            meta(THROTTLER_KEY_GENERATOR, name) ??
            throttler.generateKey ??
            this.commonOptions.generateKey!,
        },
      ];
    });
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<{
        req: FastifyRequest;
        res?: FastifyReply;
      }>();
      return {
        req: ctx.req as unknown as Record<string, unknown>,
        res: ctx.res as unknown as Record<string, unknown>,
      };
    }
    return super.getRequestResponse(context);
  }

  // Named throttlers set `Retry-After-<name>`; clients look for the standard header.
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    void (res as unknown as FastifyReply | undefined)?.header(
      'Retry-After',
      Math.max(1, detail.timeToBlockExpire),
    );
    return super.throwThrottlingException(context, detail);
  }
}
