import { hashSecret } from '../../../src/keys/secrets/keyHashing';
import { generateSecret } from '../../../src/keys/secrets/keyFormat';

/** The lookup hash: HMAC-SHA256 hex, deterministic per (secret, pepper), different otherwise. */

describe('hashSecret', () => {
  it.each<[string, string, Buffer | string, string]>([
    // RFC 4231 test case 2.
    ['RFC 4231 case 2 (string key)', 'what do ya want for nothing?', 'Jefe', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['RFC 4231 case 2 (Buffer key)', 'what do ya want for nothing?', Buffer.from('Jefe'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    // RFC 4231 test case 1: key = 20 × 0x0b.
    ['RFC 4231 case 1', 'Hi There', Buffer.alloc(20, 0x0b), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ])('matches the known vector: %s', (_name, secret, key, expected) => {
    expect(hashSecret(secret, key)).toBe(expected);
  });

  it.each<[string, Buffer | string]>([
    ['a string pepper', 'pepper-one'],
    ['a 32-byte Buffer pepper', Buffer.alloc(32, 7)],
  ])('is deterministic, 64 lowercase hex, and free of the plaintext with %s', (_name, key) => {
    const secret = generateSecret('rw');
    const hash = hashSecret(secret, key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret, key)).toBe(hash);
    expect(hash).not.toContain(secret.slice(6, 14).toLowerCase());
  });

  it.each<[string, Buffer | string, Buffer | string]>([
    ['two string peppers', 'pepper-a', 'pepper-b'],
    ['two Buffer peppers', Buffer.alloc(32, 0), Buffer.alloc(32, 1)],
    ['peppers differing in the last byte', Buffer.from('0123456789abcdef0123456789abcdeX'), Buffer.from('0123456789abcdef0123456789abcdeY')],
  ])('differs per hmac key: %s', (_name, keyA, keyB) => {
    const secret = generateSecret('ro');
    expect(hashSecret(secret, keyA)).not.toBe(hashSecret(secret, keyB));
  });

  it('treats a string pepper and the same bytes as a Buffer alike', () => {
    const secret = generateSecret('usr');
    expect(hashSecret(secret, 'pepper')).toBe(hashSecret(secret, Buffer.from('pepper', 'utf8')));
  });

  it('differs for secrets one character apart, and 200 secrets give 200 hashes', () => {
    const secret = generateSecret('rw');
    const neighbour = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    expect(hashSecret(secret, 'k')).not.toBe(hashSecret(neighbour, 'k'));
    const hashes = new Set(Array.from({ length: 200 }, () => hashSecret(generateSecret('rw'), 'k')));
    expect(hashes.size).toBe(200);
  });

  it.each<[string, Buffer | string]>([
    ['an empty string', ''],
    ['an empty Buffer', Buffer.alloc(0)],
  ])('refuses %s as the pepper', (_name, key) => {
    expect(() => hashSecret('cg_rw_x', key)).toThrow();
  });
});
