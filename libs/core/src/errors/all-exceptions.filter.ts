import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { currentRequestId } from '../http/request-context';
import { describeForLog, toErrorBody } from './error-body';

/** One filter for REST and GraphQL: same code, status and details in both shapes. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost) {
    const body = { ...toErrorBody(err), requestId: currentRequestId() };
    if (body.statusCode >= 500) this.logger.error({ err: describeForLog(err) }, 'Unhandled error');

    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(body.message, {
        extensions: {
          code: body.code,
          statusCode: body.statusCode,
          requestId: body.requestId,
          details: body.details,
        },
      });
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (body.statusCode === 503) res.setHeader('Retry-After', '1');
    res.status(body.statusCode).json(body);
  }
}
