import { UserRole } from '@nexus/users';

/** Who is calling, from a verified access token. No database read needed. */
export interface AuthUser {
  id: string;
  username: string;
  role: UserRole;
  /** Refresh-token family of this session: logout revokes it. */
  familyId: string;
}

export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  fid: string;
  /** Seconds since the epoch; set by jsonwebtoken from `expiresIn` when signing. */
  exp?: number;
}

// The guard puts the verified caller on the request (what @types/passport used to declare).
declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}
