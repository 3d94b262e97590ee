import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The throttler for REST and GraphQL over HTTP. graphql-ws messages have no response to limit. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
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

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (
      context.getType<GqlContextType>() === 'graphql' &&
      !GqlExecutionContext.create(context).getContext().res
    ) {
      return true;
    }
    return super.shouldSkip(context);
  }
}
