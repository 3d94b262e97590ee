import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { UnauthenticatedError } from '@nexus/core';
import { lastValueFrom, Observable } from 'rxjs';
import { AuthUser } from './auth-user';
import { accessTokenFrom } from './jwt.strategy';
import { IS_PUBLIC } from './public.decorator';
import { requestFromContext } from './request-from-context';

/**
 * Global guard for REST and GraphQL: every handler needs a valid access token unless marked
 * @Public(). Public handlers still see the viewer when a valid token is sent. Pure crypto, no SQL.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestFromContext(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isPublic) return this.authenticate(context);
    if (accessTokenFrom(this.getRequest(context)))
      await this.authenticate(context).catch(() => false);
    return true;
  }

  override handleRequest<T = AuthUser>(err: unknown, user: T | false, info: unknown): T {
    if (err || !user) {
      if (info instanceof Error && info.name === 'TokenExpiredError') {
        throw new UnauthenticatedError('Access token expired', 'ACCESS_TOKEN_EXPIRED');
      }
      const missing = info instanceof Error && info.message === 'No auth token';
      throw missing
        ? new UnauthenticatedError('Authentication required', 'MISSING_TOKEN')
        : new UnauthenticatedError('Access token is invalid', 'INVALID_ACCESS_TOKEN');
    }
    return user;
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    const result = super.canActivate(context);
    return result instanceof Observable ? lastValueFrom(result) : result;
  }
}
