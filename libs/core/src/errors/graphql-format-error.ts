import { GraphQLFormattedError } from 'graphql';

// Errors raised by graphql/Apollo before our resolvers run (parse, validation, coercion).
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

// graphql-js's parser message when GRAPHQL_MAX_TOKENS is exceeded.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;
const SUGGESTION = / Did you mean .*\?$/;

export interface GraphqlErrorFormatOptions {
  /** Keep graphql-js's "Did you mean …?" hints (they leak the schema when introspection is off). */
  fieldSuggestions: boolean;
}

/**
 * Apollo's formatError: errors already shaped by AllExceptionsFilter pass through; query limits
 * keep their QUERY_TOO_* code; graphql's own client errors become VALIDATION_FAILED; anything
 * else is a bare 500 with no stack or SQL.
 */
export function createGraphqlErrorFormatter(options: GraphqlErrorFormatOptions) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const shaped = formatGraphqlError(formatted);
    if (options.fieldSuggestions || shaped.extensions?.statusCode !== 400) return shaped;
    return { ...shaped, message: shaped.message.replace(SUGGESTION, '') };
  };
}

export function formatGraphqlError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const ext = formatted.extensions ?? {};
  // Set by AllExceptionsFilter; graphql-error-request-ids.ts stamps the others over HTTP.
  const requestId = ext.requestId as string | undefined;
  const tokenLimit = TOO_MANY_TOKENS.exec(formatted.message)?.[1];
  const limitCode =
    typeof ext.limitCode === 'string' ? ext.limitCode : tokenLimit && 'QUERY_TOO_COMPLEX';
  if (limitCode) {
    return {
      message: tokenLimit ? `Token limit of ${tokenLimit} exceeded.` : formatted.message,
      locations: formatted.locations,
      extensions: { code: limitCode, statusCode: 400, requestId },
    };
  }
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
