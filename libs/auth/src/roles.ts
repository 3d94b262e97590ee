import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, PerHandler } from '@nexus/core';
import { UserRole } from '@nexus/users';
import { AuthUser } from './auth-user';
import { requestFromContext } from './request-from-context';

const ROLES = 'nexus:roles';

/** Restricts a handler to these roles (after the JWT guard has identified the caller). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

@Injectable()
export class RolesGuard implements CanActivate {
  private readonly roles: PerHandler<UserRole[] | undefined>;

  constructor(reflector: Reflector) {
    this.roles = new PerHandler((context) =>
      reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [
        context.getHandler(),
        context.getClass(),
      ]),
    );
  }

  canActivate(context: ExecutionContext): boolean {
    const roles = this.roles.of(context);
    if (!roles?.length) return true;
    const user = requestFromContext(context).user as AuthUser | undefined;
    if (!user || !roles.includes(user.role))
      throw new ForbiddenError('This needs the ' + roles.join(' or ') + ' role');
    return true;
  }
}
