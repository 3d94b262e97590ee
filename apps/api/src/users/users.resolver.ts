import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { UsersService } from '@nexus/users';
import { UpdateProfileInput } from './update-profile.input';
import { UserLookupArgs } from './user-lookup.args';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => UserModel, { description: 'The authenticated user, with their email' })
  me(@CurrentUser() viewer: AuthUser): Promise<UserModel> {
    return this.users.getProfile({ id: viewer.id }, viewer);
  }

  @Public()
  @Query(() => UserModel, { description: 'A user by id or username' })
  user(
    @CurrentUser() viewer: AuthUser | undefined,
    @Args() lookup: UserLookupArgs,
  ): Promise<UserModel> {
    return this.users.getProfile(lookup, viewer);
  }

  @Mutation(() => UserModel, { description: "Edits the caller's own profile" })
  updateProfile(
    @CurrentUser() viewer: AuthUser,
    @Args('input') input: UpdateProfileInput,
  ): Promise<UserModel> {
    return this.users.updateProfile(viewer, input);
  }
}
