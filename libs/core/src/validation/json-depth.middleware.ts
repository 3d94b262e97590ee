import type { NextFunction, Request, Response } from 'express';
import { currentRequestId } from '../http/request-context';
import { exceedsDepth, MAX_JSON_DEPTH } from './text-hygiene';

/**
 * Runs right after the JSON parser, before routing and validation: class-transformer and
 * class-validator recurse, so a body nested thousands of levels deep would otherwise overflow
 * the stack (a 500). JSON.parse itself is iterative in V8 and the body size is capped.
 */
export function jsonDepthMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (!exceedsDepth(req.body)) return next();
  const message = `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
  const extensions = { code: 'VALIDATION_FAILED', statusCode: 400, requestId: currentRequestId() };
  const details = [{ field: 'body', messages: [message] }];
  // GraphQL clients parse `errors[]`; everyone else the REST error shape.
  if (req.path === '/graphql') {
    res.status(400).json({ errors: [{ message, extensions: { ...extensions, details } }] });
    return;
  }
  res.status(400).json({ ...extensions, error: 'Bad Request', message, details });
}
