import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Environment } from '@nexus/core';
import { UserEntity } from '@nexus/users';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenVerifier } from './access-token-verifier';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { InvalidRefreshTokenError } from './auth.errors';
import {
  consumeToken,
  deleteExpiredTokens,
  familyOf,
  insertToken,
  revokeFamily,
} from './refresh-tokens.queries';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

// Refresh tokens are `<uuid>.<32 random bytes>`: the id finds the row, the secret's SHA-256 is
// compared in SQL. High-entropy secrets need no slow hash.
function parseRefreshToken(token: string): { id: string; hash: Buffer } {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw new InvalidRefreshTokenError();
  return { id: match[1], hash: sha256(match[2]) };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: DataSource,
    private readonly env: Environment,
    private readonly accessTokens: AccessTokenVerifier,
  ) {}

  /** A new session: a new refresh-token family. */
  issueForNewSession(user: UserEntity): Promise<TokenPair> {
    return this.issue(this.db.manager, user, randomUUID(), randomUUID());
  }

  /**
   * Rotation: the presented token is consumed and replaced in one transaction. Presenting a token
   * that was already rotated means it leaked (or a client raced itself): the whole family is revoked.
   */
  async rotate(
    refreshToken: string,
    loadUser: (id: string) => Promise<UserEntity | null>,
  ): Promise<TokenPair> {
    const { id, hash } = parseRefreshToken(refreshToken);
    const outcome = await this.db.transaction(async (tx) => {
      const nextId = randomUUID();
      const consumed = await consumeToken(tx, id, hash, nextId);
      if (!consumed) return { reused: await familyOf(tx, id, hash) };
      const user = await loadUser(consumed.user_id);
      if (!user) return { reused: consumed.family_id };
      return { pair: await this.issue(tx, user, consumed.family_id, nextId) };
    });
    if (outcome.pair) return outcome.pair;
    if (outcome.reused) await revokeFamily(this.db.manager, outcome.reused);
    throw new InvalidRefreshTokenError();
  }

  /** The caller of a raw access token (HS256, unexpired), or null: for routes outside Nest's guards. */
  verifyAccessToken(token: string): AuthUser | null {
    try {
      return this.accessTokens.verify(token);
    } catch {
      return null;
    }
  }

  revokeFamily(familyId: string): Promise<void> {
    return revokeFamily(this.db.manager, familyId);
  }

  deleteExpired(): Promise<number> {
    return deleteExpiredTokens(this.db.manager);
  }

  signAccessToken(user: Pick<UserEntity, 'id' | 'username' | 'role'>, familyId: string): string {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      fid: familyId,
    };
    return this.jwt.sign(claims);
  }

  private async issue(
    em: EntityManager,
    user: UserEntity,
    familyId: string,
    tokenId: string,
  ): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    await insertToken(em, {
      id: tokenId,
      userId: user.id,
      familyId,
      hash: sha256(secret),
      ttlDays: this.env.REFRESH_TOKEN_TTL_DAYS,
    });
    return {
      accessToken: this.signAccessToken(user, familyId),
      refreshToken: `${tokenId}.${secret}`,
      expiresIn: this.env.JWT_ACCESS_TTL_SECONDS,
    };
  }
}
