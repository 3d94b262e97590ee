import { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';

/** The HTTP request behind a REST call, a GraphQL operation or a graphql-ws subscription. */
export function requestFromContext(context: ExecutionContext): FastifyRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>().req;
  }
  return context.switchToHttp().getRequest<FastifyRequest>();
}
