import type { FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHQL_PATH } from '../graphql/graphql-route';
import { exceedsDepth, MAX_JSON_DEPTH } from './text-hygiene';

/**
 * Fastify preValidation hook: runs right after the JSON parser, before Nest's handler and its
 * validation: class-transformer and class-validator recurse, so a body nested thousands of
 * levels deep would otherwise overflow the stack (a 500). JSON.parse itself is iterative in V8
 * and the body size is capped.
 */
export function jsonDepthHook(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  if (request.body === undefined || !exceedsDepth(request.body)) return done();
  const message = `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
  const extensions = {
    code: 'VALIDATION_FAILED',
    statusCode: 400,
    requestId: request.id,
  };
  const details = [{ field: 'body', messages: [message] }];
  // GraphQL clients parse `errors[]`; everyone else the REST error shape.
  if (request.routeOptions.url === GRAPHQL_PATH) {
    reply.code(400).send({ errors: [{ message, extensions: { ...extensions, details } }] });
    return;
  }
  reply.code(400).send({ ...extensions, error: 'Bad Request', message, details });
}
