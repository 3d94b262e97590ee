import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@nexus/auth';
import { AuthService, CurrentUser, Public } from '@nexus/auth';
import { UsersService } from '@nexus/users';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthRateLimit } from '../throttling/auth-rate-limit';
import { UserModel } from '../users/user.model';
import { AuthPayload } from './auth-payload.model';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';
import { RefreshTokenInput } from './refresh-token.input';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Registers an account and starts a session. */
  @Public()
  @AuthRateLimit()
  @Idempotent()
  @Post('register')
  @ApiErrors(400, 409)
  register(@Body() input: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(input);
  }

  /** Logs in by username or email. Unknown user and wrong password give the same 401. */
  @Public()
  @AuthRateLimit()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiErrors(400, 401)
  login(@Body() input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input);
  }

  /** Exchanges a refresh token for a new pair. Reusing a spent token revokes the whole session. */
  @Public()
  @AuthRateLimit()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiErrors(400, 401)
  refresh(@Body() input: RefreshTokenInput): Promise<AuthPayload> {
    return this.auth.refresh(input.refreshToken);
  }

  /** Revokes this session's refresh tokens (the access token expires on its own). */
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth('bearer')
  @ApiErrors(401)
  logout(@CurrentUser() viewer: AuthUser): Promise<void> {
    return this.auth.logout(viewer);
  }

  /** The authenticated user. */
  @Get('me')
  @ApiBearerAuth('bearer')
  @ApiErrors(401)
  me(@CurrentUser() viewer: AuthUser): Promise<UserModel> {
    return this.users.getProfile({ id: viewer.id }, viewer);
  }
}
