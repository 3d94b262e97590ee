import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { CurrentUser, Public } from '@nexus/auth';
import { ParseIdPipe } from '@nexus/core';
import { FollowsService } from '@nexus/social-graph';
import { UsersService } from '@nexus/users';
import { ProfileModel } from '../social-graph/profile.model';
import { ApiErrors } from '../common/api-errors.decorator';
import { UpdateProfileInput } from './update-profile.input';
import { UserModel } from './user.model';

@ApiTags('users')
@ApiBearerAuth('bearer')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly follows: FollowsService,
  ) {}

  /** The authenticated user, with their email. */
  @Get('me')
  @ApiErrors(401)
  me(@CurrentUser() viewer: AuthUser): Promise<UserModel> {
    return this.users.getProfile({ id: viewer.id }, viewer);
  }

  /** Edits the caller's own profile (displayName, bio, avatarUrl). */
  @Patch('me')
  @ApiErrors(400, 401)
  updateMe(@CurrentUser() viewer: AuthUser, @Body() input: UpdateProfileInput): Promise<UserModel> {
    return this.users.updateProfile(viewer, input);
  }

  /** A public profile; email is null unless it is the caller's own. */
  @Public()
  @Get(':id')
  @ApiErrors(400, 404)
  async byId(
    @CurrentUser() viewer: AuthUser | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ProfileModel> {
    const [profile] = await this.follows.withFollowState(viewer, [
      await this.users.getProfile({ id }, viewer),
    ]);
    return profile;
  }
}
