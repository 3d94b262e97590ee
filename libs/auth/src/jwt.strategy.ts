import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Environment } from '@nexus/core';
import type { Request } from 'express';
import { createSecretKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { AccessTokenClaims, AuthUser } from './auth-user';

// Both `Bearer <t>` and the brief's `JWT <t>` schemes, case-insensitive.
const AUTHORIZATION = /^(?:Bearer|JWT)\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

export function accessTokenFrom(req: Pick<Request, 'headers'>): string | null {
  const header = req.headers?.authorization;
  return typeof header === 'string' ? (AUTHORIZATION.exec(header.trim())?.[1] ?? null) : null;
}

/** Verifies signature (HS256 only: `alg: none` and key confusion are refused) and expiry. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(env: Environment) {
    super({
      jwtFromRequest: accessTokenFrom,
      // A KeyObject, not the string: jsonwebtoken 9 first tries createPublicKey() on a string
      // secret and catches the failure, on every verify (15% of the API's CPU in the bench).
      secretOrKey: createSecretKey(Buffer.from(env.JWT_SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser {
    return { id: claims.sub, username: claims.username, role: claims.role, familyId: claims.fid };
  }
}
