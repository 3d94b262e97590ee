import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PerHandler, UnauthenticatedError } from '@nexus/core';
import { accessTokenFrom, AccessTokenVerifier } from './access-token-verifier';
import { AuthUser } from './auth-user';
import { IS_PUBLIC } from './public.decorator';
import { requestFromContext } from './request-from-context';

/**
 * Global guard for REST and GraphQL: every handler needs a valid access token unless marked
 * @Public(). Public handlers still see the viewer when a valid token is sent. Pure crypto, no SQL.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly isPublic: PerHandler<boolean>;

  constructor(
    reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {
    this.isPublic = new PerHandler((context) =>
      Boolean(
        reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]),
      ),
    );
  }

  canActivate(context: ExecutionContext): boolean {
    const req = requestFromContext(context) as { user?: AuthUser; headers?: object };
    const token = accessTokenFrom(req);
    if (this.isPublic.of(context)) {
      // A bad token on a public route is ignored: the caller is anonymous.
      if (token) req.user = this.verifiedOrUndefined(token);
      return true;
    }
    if (!token) throw new UnauthenticatedError('Authentication required', 'MISSING_TOKEN');
    req.user = this.tokens.verify(token);
    return true;
  }

  private verifiedOrUndefined(token: string): AuthUser | undefined {
    try {
      return this.tokens.verify(token);
    } catch {
      return undefined;
    }
  }
}
