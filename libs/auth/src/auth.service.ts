import { Injectable } from '@nestjs/common';
import { UserEntity, UsersService, UserView, toUserView } from '@nexus/users';
import { InvalidCredentialsError } from './auth.errors';
import { AuthUser } from './auth-user';
import { PasswordHasher } from './password-hasher';
import { TokenPair, TokensService } from './tokens.service';

export interface Registration {
  username: string;
  email: string;
  password: string;
}

export interface Credentials {
  username?: string;
  email?: string;
  password: string;
}

export type AuthSession = TokenPair & { user: UserView };

/** Sign-up, login, refresh and logout: the one implementation behind GraphQL and REST. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokensService,
  ) {}

  async register(input: Registration): Promise<AuthSession> {
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.users.create({
      username: input.username,
      email: input.email,
      passwordHash,
    });
    return this.session(user);
  }

  async login(credentials: Credentials): Promise<AuthSession> {
    const user = await this.users.findByLogin(credentials);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, credentials.password)
      : await this.hasher.verifyAgainstDummy(credentials.password);
    if (!user || !valid) throw new InvalidCredentialsError();
    return this.session(user);
  }

  async refresh(refreshToken: string): Promise<AuthSession> {
    let current: UserEntity | null = null;
    const pair = await this.tokens.rotate(
      refreshToken,
      async (id) => (current = await this.users.findById(id)),
    );
    return { ...pair, user: toUserView(current!, current) };
  }

  logout(viewer: AuthUser): Promise<void> {
    return this.tokens.revokeFamily(viewer.familyId);
  }

  private async session(user: UserEntity): Promise<AuthSession> {
    return { ...(await this.tokens.issueForNewSession(user)), user: toUserView(user, user) };
  }
}
