import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { currentRequestId } from '../http/request-context';
import { describeForLog, toErrorBody } from './error-body';

/** One filter for REST and GraphQL: same code, status and details in both shapes. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost) {
    const graphql = host.getType<GqlContextType>() === 'graphql';
    // Outside the request's async context (an error Fastify raised itself), the request says it.
    const requestId =
      currentRequestId() ??
      (graphql ? undefined : host.switchToHttp().getRequest<FastifyRequest>()?.id);
    const body = { ...toErrorBody(err), requestId };
    if (body.statusCode >= 500) this.logger.error({ err: describeForLog(err) }, 'Unhandled error');

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
