import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@nexus/auth';
import { AuthService, CurrentUser, Public } from '@nexus/auth';
import { AuthRateLimit } from '../throttling/auth-rate-limit';
import { AuthPayload } from './auth-payload.model';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';
import { RefreshTokenInput } from './refresh-token.input';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @AuthRateLimit()
  @Mutation(() => AuthPayload, { description: 'Registers an account and starts a session' })
  createUser(@Args() args: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(args);
  }

  @Public()
  @AuthRateLimit()
  @Mutation(() => AuthPayload, { description: 'Logs in by username or email' })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input);
  }

  @Public()
  @AuthRateLimit()
  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for a new pair (single use)',
  })
  refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayload> {
    return this.auth.refresh(input.refreshToken);
  }

  @Mutation(() => Boolean, { description: "Revokes this session's refresh tokens" })
  async logout(@CurrentUser() viewer: AuthUser): Promise<boolean> {
    await this.auth.logout(viewer);
    return true;
  }
}
