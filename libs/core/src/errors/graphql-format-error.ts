import { GraphQLFormattedError } from 'graphql';
import { currentRequestId } from '../http/request-context';

// Errors raised by graphql/Apollo before our resolvers run (parse, validation, coercion).
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo's formatError: errors already shaped by AllExceptionsFilter pass through; graphql's own
 * client errors become VALIDATION_FAILED; anything else is a bare 500 with no stack or SQL.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const ext = formatted.extensions ?? {};
  const requestId = (ext.requestId as string | undefined) ?? currentRequestId();
  if (typeof ext.statusCode === 'number') {
    return {
      message: formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ext.code, statusCode: ext.statusCode, requestId, details: ext.details },
    };
  }
  if (CLIENT_ERROR_CODES.has(String(ext.code))) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'VALIDATION_FAILED', statusCode: 400, requestId },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', statusCode: 500, requestId },
  };
}
