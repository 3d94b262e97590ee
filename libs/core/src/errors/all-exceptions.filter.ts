import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { toErrorBody } from './error-body';

/** One filter for REST and GraphQL: same code, status and details in both shapes. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost) {
    const graphql = host.getType<GqlContextType>() === 'graphql';
    const request = graphql
      ? GqlArgumentsHost.create(host).getContext<GraphqlContext | undefined>()?.req
      : host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const requestId = request?.id;
    const body = { ...toErrorBody(err), requestId };
    if (body.statusCode >= 500) {
      this.logger.error({ err, req: { id: requestId } }, 'Unhandled error');
    }

    if (graphql) {
      return new GraphQLError(body.message, {
        extensions: {
          code: body.code,
          statusCode: body.statusCode,
          requestId: body.requestId,
          details: body.details,
        },
      });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (body.statusCode === 503) void reply.header('Retry-After', '1');
    void reply.code(body.statusCode).send(body);
  }
}
