import { Injectable } from '@nestjs/common';
import { Environment, UnauthenticatedError } from '@nexus/core';
import { createSecretKey, KeyObject } from 'node:crypto';
import { verify } from 'jsonwebtoken';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { JwtKeyRing } from './jwt-key-ring';

// Both `Bearer <t>` and the brief's `JWT <t>` schemes, case-insensitive.
const AUTHORIZATION = /^(?:Bearer|JWT)\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

export function accessTokenFrom(req: { headers?: { authorization?: unknown } }): string | null {
  const header = req.headers?.authorization;
  return typeof header === 'string' ? (AUTHORIZATION.exec(header.trim())?.[1] ?? null) : null;
}

/** Verified tokens kept at most; the oldest goes first. */
export const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Verifies an access token: HS256 only (`alg: none` and key confusion are refused), unexpired,
 * signed with the key its `kid` names (current or a previous one still in rotation).
 * Pure crypto, no I/O: one call per request, straight from the guard (no passport layers).
 *
 * A token that verified is remembered, by its full text (signature included), until it expires:
 * a client sends the same token on every request until it refreshes, and the answer cannot
 * change before `exp` (access tokens are not revocable, and the key ring changes only with a
 * restart). Saves the HMAC and two JSON parses per request.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly keys: JwtKeyRing;
  private readonly verified = new Map<string, { user: AuthUser; expiresAt: number }>();
  // KeyObjects, not strings: jsonwebtoken 9 first tries createPublicKey() on a string secret
  // and catches the failure, on every verify (15% of the API's CPU in the bench).
  private readonly keyObjects = new Map<string, KeyObject>();

  constructor(env: Environment) {
    this.keys = JwtKeyRing.fromEnvironment(env);
  }

  /** The caller, or UnauthenticatedError with the reason (expired or invalid). */
  verify(rawToken: string): AuthUser {
    const known = this.verified.get(rawToken);
    if (known && Date.now() < known.expiresAt) return known.user;
    if (known) this.verified.delete(rawToken);
    const { user, expiresAt } = this.verifyAnew(rawToken);
    if (expiresAt === undefined) return user; // no `exp`: checked every time
    if (this.verified.size >= MAX_VERIFIED_TOKENS)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(rawToken, { user, expiresAt });
    return user;
  }

  private verifyAnew(rawToken: string): { user: AuthUser; expiresAt?: number } {
    const secret = this.keys.secretFor(rawToken);
    if (!secret) throw invalid();
    let claims: AccessTokenClaims;
    try {
      claims = verify(rawToken, this.keyObjectOf(secret), {
        algorithms: ['HS256'],
      }) as AccessTokenClaims;
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError')
        throw new UnauthenticatedError('Access token expired', 'ACCESS_TOKEN_EXPIRED');
      throw invalid();
    }
    if (typeof claims !== 'object' || typeof claims.sub !== 'string') throw invalid();
    const user: AuthUser = Object.freeze({
      id: claims.sub,
      username: claims.username,
      role: claims.role,
      familyId: claims.fid,
    });
    // jsonwebtoken refuses a token once the clock's second reaches `exp`; so does the cache.
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    return { user, expiresAt };
  }

  private keyObjectOf(secret: string): KeyObject {
    let key = this.keyObjects.get(secret);
    if (!key) this.keyObjects.set(secret, (key = createSecretKey(Buffer.from(secret))));
    return key;
  }
}

function invalid(): UnauthenticatedError {
  return new UnauthenticatedError('Access token is invalid', 'INVALID_ACCESS_TOKEN');
}
