import { JwtKeyRing } from './jwt-key-ring';

const token = (header: object) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.e30.sig`;

describe('JwtKeyRing', () => {
  const old = 'o'.repeat(32);
  const current = 'c'.repeat(32);
  const ring = new JwtKeyRing('k2', current, `k1:${old}`);

  it('picks the secret by kid, current and previous', () => {
    expect(ring.secretFor(token({ alg: 'HS256', kid: 'k2' }))).toBe(current);
    expect(ring.secretFor(token({ alg: 'HS256', kid: 'k1' }))).toBe(old);
  });

  it('checks tokens without kid against the current key only', () => {
    expect(ring.secretFor(token({ alg: 'HS256' }))).toBe(current);
  });

  it('knows no secret for an unknown kid or a garbled header', () => {
    expect(ring.secretFor(token({ alg: 'HS256', kid: 'k0' }))).toBeUndefined();
    expect(ring.secretFor(token({ alg: 'HS256', kid: ['k1'] }))).toBeUndefined();
    expect(ring.secretFor('!!!.e30.sig')).toBe(current);
  });
});
