import { Environment } from '@nexus/core';
import { sign } from 'jsonwebtoken';
import { AccessTokenVerifier, MAX_VERIFIED_TOKENS } from './access-token-verifier';

const SECRET = 's'.repeat(32);
const env = { JWT_KEY_ID: 'k1', JWT_SECRET: SECRET, JWT_PREVIOUS_KEYS: '' } as Environment;
const tokenFor = (sub: string, expiresIn = 60) =>
  sign({ sub, username: sub, role: 'user', fid: 'f' }, SECRET, {
    algorithm: 'HS256',
    keyid: 'k1',
    expiresIn,
  });
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    return (err as { details?: { reason: string }[] }).details?.[0]?.reason;
  }
};

describe('AccessTokenVerifier', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a token it verified before with the same frozen caller', () => {
    const verifier = new AccessTokenVerifier(env);
    const token = tokenFor('42');
    const first = verifier.verify(token);
    expect(first).toEqual({ id: '42', username: '42', role: 'user', familyId: 'f' });
    expect(verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a remembered token from the second of its expiry on', () => {
    const verifier = new AccessTokenVerifier(env);
    const token = tokenFor('42', 2);
    const exp = (
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
        exp: number;
      }
    ).exp;
    expect(reasonOf(() => verifier.verify(token))).toBe('accepted');
    jest.spyOn(Date, 'now').mockReturnValue(exp * 1000 - 1);
    expect(reasonOf(() => verifier.verify(token))).toBe('accepted');
    jest.spyOn(Date, 'now').mockReturnValue(exp * 1000);
    expect(reasonOf(() => verifier.verify(token))).toBe('ACCESS_TOKEN_EXPIRED');
  });

  it('does not take a token with a changed signature or payload for a remembered one', () => {
    const verifier = new AccessTokenVerifier(env);
    const token = tokenFor('42');
    verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const otherPayload = Buffer.from(
      JSON.stringify({ sub: '1', username: 'admin', role: 'admin', fid: 'f' }),
    ).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BA' : 'AA');
    expect(reasonOf(() => verifier.verify(`${header}.${payload}.${flipped}`))).toBe(
      'INVALID_ACCESS_TOKEN',
    );
    expect(reasonOf(() => verifier.verify(`${header}.${otherPayload}.${signature}`))).toBe(
      'INVALID_ACCESS_TOKEN',
    );
  });

  it('checks a token without `exp` every time instead of remembering it', () => {
    const verifier = new AccessTokenVerifier(env);
    const token = sign({ sub: '42', username: '42', role: 'user', fid: 'f' }, SECRET, {
      algorithm: 'HS256',
      keyid: 'k1',
    });
    expect(verifier.verify(token)).toMatchObject({ id: '42' });
    expect(verifier['verified'].size).toBe(0);
  });

  it(`remembers at most ${MAX_VERIFIED_TOKENS} tokens`, () => {
    const verifier = new AccessTokenVerifier(env);
    for (let i = 0; i <= MAX_VERIFIED_TOKENS; i++) verifier.verify(tokenFor(String(i)));
    expect(verifier['verified'].size).toBe(MAX_VERIFIED_TOKENS);
  });
});
