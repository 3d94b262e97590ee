import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthUser } from './auth-user';
import { requestFromContext } from './request-from-context';

/** The authenticated caller (undefined on a @Public() handler called without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined =>
    requestFromContext(context).user as AuthUser | undefined,
);
