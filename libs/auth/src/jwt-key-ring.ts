import { Environment } from '@nexus/core';

/**
 * Access-token keys by `kid`: the current key signs, previous keys (JWT_PREVIOUS_KEYS) still
 * verify until the tokens they signed have expired (at most JWT_ACCESS_TTL_SECONDS after the
 * rotation). A token without `kid` predates key ids and is checked against the current key only.
 */
export class JwtKeyRing {
  private readonly keys = new Map<string, string>();

  constructor(
    readonly currentKid: string,
    currentSecret: string,
    previous: string,
  ) {
    for (const entry of previous.split(',').filter(Boolean)) {
      const at = entry.indexOf(':');
      this.keys.set(entry.slice(0, at).trim(), entry.slice(at + 1).trim());
    }
    this.keys.set(currentKid, currentSecret);
  }

  static fromEnvironment(env: Environment): JwtKeyRing {
    return new JwtKeyRing(env.JWT_KEY_ID, env.JWT_SECRET, env.JWT_PREVIOUS_KEYS);
  }

  /** The secret for a token's header, or undefined for a key we do not (or no longer) hold. */
  secretFor(rawToken: string): string | undefined {
    const kid = headerOf(rawToken)?.kid;
    if (kid === undefined) return this.keys.get(this.currentKid);
    return typeof kid === 'string' ? this.keys.get(kid) : undefined;
  }
}

function headerOf(rawToken: string): { kid?: unknown } | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(rawToken.split('.')[0], 'base64url').toString());
    return header !== null && typeof header === 'object' ? header : undefined;
  } catch {
    return undefined;
  }
}
