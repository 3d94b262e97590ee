import { GraphqlContext } from '@nexus/core';
import { UsersService, UserView, toUserView } from '@nexus/users';
import type { AuthUser } from '@nexus/auth';
import DataLoader from 'dataloader';

/**
 * Users by id, batched per request: every `author` field of one query costs one statement.
 * The only builder of the `users.byId` loader: values are already filtered for the viewer, so
 * a resolver that registered raw entities under the same name would leak private fields.
 */
export function userLoader(
  ctx: GraphqlContext,
  users: UsersService,
  viewer: AuthUser | undefined,
): DataLoader<string, UserView | null> {
  return ctx.loaders.get<string, UserView | null>('users.byId', async (ids) =>
    (await users.findByIds(ids)).map((user) => (user ? toUserView(user, viewer) : null)),
  );
}
