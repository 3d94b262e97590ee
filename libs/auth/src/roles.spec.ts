import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@nexus/core';
import { Roles, RolesGuard } from './roles';

class AdminOnly {
  @Roles('admin')
  purge() {}

  open() {}
}

function contextFor(handler: () => void, user?: { role: string }): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => AdminOnly,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('lets an admin through an admin-only handler', () => {
    expect(guard.canActivate(contextFor(AdminOnly.prototype.purge, { role: 'admin' }))).toBe(true);
  });

  it('refuses a plain user with FORBIDDEN', () => {
    expect(() =>
      guard.canActivate(contextFor(AdminOnly.prototype.purge, { role: 'user' })),
    ).toThrow(ForbiddenError);
  });

  it('refuses an anonymous caller', () => {
    expect(() => guard.canActivate(contextFor(AdminOnly.prototype.purge))).toThrow(ForbiddenError);
  });

  it('does not restrict handlers without @Roles', () => {
    expect(guard.canActivate(contextFor(AdminOnly.prototype.open, { role: 'user' }))).toBe(true);
  });
});
