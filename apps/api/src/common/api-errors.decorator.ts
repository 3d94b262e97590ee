import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.model';

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED: invalid input, with per-field details',
  401: 'UNAUTHENTICATED: missing, invalid or expired access token',
  403: 'FORBIDDEN: authenticated but not allowed',
  404: 'NOT_FOUND',
  409: 'Conflict (see code)',
  429: 'RATE_LIMITED: see Retry-After',
};

/** Documents error responses in the shared shape; 429 is on every route (global throttler). */
export function ApiErrors(...statuses: number[]) {
  // Errors are JSON even where the success is not (results.csv): name the media type.
  const content = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } };
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...[...new Set([...statuses, 429])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content }),
    ),
  );
}
