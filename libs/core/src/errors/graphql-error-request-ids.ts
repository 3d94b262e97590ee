import type { FastifyReply, FastifyRequest } from 'fastify';

interface GraphqlErrorBody {
  errors?: { extensions?: Record<string, unknown> }[];
}

/**
 * The GraphQL route's onSend hook: every error of a GraphQL answer over HTTP carries the
 * request's id, the one in its x-request-id header. AllExceptionsFilter sets it on the errors it
 * shapes; the others (parse, validation and cost errors, Apollo's refusals of a malformed
 * request) are formatted without the request at hand and get it here. Answers without errors
 * pass untouched.
 */
export function stampGraphqlErrorRequestIds(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
  done: (err: null, payload: unknown) => void,
): void {
  if (typeof payload !== 'string' || !payload.includes('"errors":[')) return done(null, payload);
  let body: GraphqlErrorBody;
  try {
    body = JSON.parse(payload) as GraphqlErrorBody;
  } catch {
    return done(null, payload);
  }
  for (const error of body.errors ?? []) {
    error.extensions = {
      ...error.extensions,
      requestId: error.extensions?.requestId ?? request.id,
    };
  }
  done(null, JSON.stringify(body));
}
