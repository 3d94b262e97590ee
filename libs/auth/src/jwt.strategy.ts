import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Environment } from '@nexus/core';
import type { Request } from 'express';
import { createSecretKey, KeyObject } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { JwtKeyRing } from './jwt-key-ring';

// Both `Bearer <t>` and the brief's `JWT <t>` schemes, case-insensitive.
const AUTHORIZATION = /^(?:Bearer|JWT)\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

export function accessTokenFrom(req: Pick<Request, 'headers'>): string | null {
  const header = req.headers?.authorization;
  return typeof header === 'string' ? (AUTHORIZATION.exec(header.trim())?.[1] ?? null) : null;
}

/**
 * Verifies signature (HS256 only: `alg: none` and key confusion are refused) and expiry, with the
 * key named by the token's `kid` (current or a previous one still in rotation).
 */
const keyObjects = new Map<string, KeyObject>();
function keyObjectOf(secret: string): KeyObject {
  let key = keyObjects.get(secret);
  if (!key) keyObjects.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(env: Environment) {
    const keys = JwtKeyRing.fromEnvironment(env);
    super({
      jwtFromRequest: accessTokenFrom,
      // KeyObjects, not strings: jsonwebtoken 9 first tries createPublicKey() on a string
      // secret and catches the failure, on every verify (15% of the API's CPU in the bench).
      secretOrKeyProvider: (
        _req: Request,
        rawToken: string,
        done: (err: Error | null, secret?: string) => void,
      ) => {
        const secret = keys.secretFor(rawToken);
        // passport-jwt hands the key to jsonwebtoken untouched; its type says string only.
        if (secret) done(null, keyObjectOf(secret) as unknown as string);
        else done(new Error('Unknown signing key'));
      },
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser {
    return { id: claims.sub, username: claims.username, role: claims.role, familyId: claims.fid };
  }
}
