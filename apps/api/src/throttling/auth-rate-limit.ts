import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { requestFromContext } from '@nexus/auth';

export const AUTH_RATE_LIMITED = 'nexus:authRateLimited';

/** Puts a handler under the strict `auth` limit (per IP + account name), on top of the default one. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMITED, true);

function credentialsOf(context: ExecutionContext): Record<string, unknown> {
  if (context.getType<GqlContextType>() === 'graphql') {
    const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
    return (args.input as Record<string, unknown>) ?? args;
  }
  return (requestFromContext(context).body as Record<string, unknown>) ?? {};
}

/** `ip|account`: guessing one account's password from one address hits the limit fast. */
export function authTracker(req: Record<string, unknown>, context: ExecutionContext): string {
  const body = credentialsOf(context);
  const account = String(body.username ?? body.email ?? '')
    .toLowerCase()
    .slice(0, 254);
  return `${String(req.ip ?? 'unknown')}|${account}`;
}
