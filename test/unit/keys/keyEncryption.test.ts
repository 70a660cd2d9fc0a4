import { randomBytes } from 'node:crypto';
import { decryptSecret, deriveKeyMaterial, encryptSecret } from '../../../src/keys/secrets/keyEncryption';
import { generateSecret } from '../../../src/keys/secrets/keyFormat';

/** Reversible storage of secrets (AES-256-GCM) and the derivation of server key material. */

const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);
const PAYLOAD_SHAPE = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Replaces the part at `index` (1 iv, 2 tag, 3 ciphertext) of a payload. */
function withPart(payload: string, index: number, part: string): string {
  const parts = payload.split('.');
  parts[index] = part;
  return parts.join('.');
}

describe('encryptSecret / decryptSecret', () => {
  it.each<[string, string]>([
    ['a rw secret', generateSecret('rw')],
    ['a ro secret', generateSecret('ro')],
    ['a usr secret', generateSecret('usr')],
    ['an empty string', ''],
    ['non-ASCII text', 'zażółć gęślą jaźń 🔑'],
  ])('round-trips %s', (_name, secret) => {
    const payload = encryptSecret(secret, KEY);
    expect(payload).toMatch(PAYLOAD_SHAPE);
    expect(payload).not.toContain(secret || '\u0000');
    expect(decryptSecret(payload, KEY)).toBe(secret);
  });

  it('encrypts the same secret differently each time (fresh IV)', () => {
    const secret = generateSecret('rw');
    const payloads = Array.from({ length: 50 }, () => encryptSecret(secret, KEY));
    expect(new Set(payloads).size).toBe(50);
    expect(new Set(payloads.map((p) => p.split('.')[1])).size).toBe(50);
    for (const p of payloads) expect(decryptSecret(p, KEY)).toBe(secret);
  });

  it.each<[string, number]>([
    ['iv', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('throws for every single-character change of the %s', (_name, index) => {
    const payload = encryptSecret(generateSecret('rw'), KEY);
    const part = payload.split('.')[index];
    const accepted: string[] = [];
    for (let i = 0; i < part.length; i++) {
      for (const ch of [B64URL[(B64URL.indexOf(part[i]) + 1) % 64], B64URL[(B64URL.indexOf(part[i]) + 33) % 64]]) {
        const tampered = withPart(payload, index, part.slice(0, i) + ch + part.slice(i + 1));
        try {
          decryptSecret(tampered, KEY);
          accepted.push(tampered);
        } catch {
          // refused, as expected
        }
      }
    }
    expect(part.length).toBeGreaterThan(0);
    expect(accepted).toEqual([]);
  });

  it('throws with the wrong key, with one fixed message', () => {
    const payload = encryptSecret(generateSecret('usr'), KEY);
    expect(() => decryptSecret(payload, OTHER_KEY)).toThrow('Encrypted API key secret cannot be decrypted');
  });

  const payload = encryptSecret(generateSecret('ro'), KEY);
  const [, iv, tag, ciphertext] = payload.split('.');
  const otherPayload = encryptSecret(generateSecret('ro'), KEY);

  it.each<[string, string]>([
    ['an empty string', ''],
    ['another version', payload.replace(/^v1\./, 'v2.')],
    ['a missing part', `v1.${iv}.${tag}`],
    ['an extra part', `${payload}.AAAA`],
    ['a truncated tag (12 bytes, valid base64url)', withPart(payload, 2, Buffer.from(tag, 'base64url').subarray(0, 12).toString('base64url'))],
    ['a 16-byte IV', withPart(payload, 1, randomBytes(16).toString('base64url'))],
    ['a truncated ciphertext', withPart(payload, 3, Buffer.from(ciphertext, 'base64url').subarray(1).toString('base64url'))],
    ['an extended ciphertext', withPart(payload, 3, Buffer.concat([Buffer.from(ciphertext, 'base64url'), Buffer.from([0])]).toString('base64url'))],
    ['a standard-base64 "+" in the ciphertext', withPart(payload, 3, `+${ciphertext.slice(1)}`)],
    ['a standard-base64 "/" in the IV', withPart(payload, 1, `${iv.slice(0, -1)}/`)],
    ['padding appended to the tag', withPart(payload, 2, `${tag}==`)],
    ['the IV of another payload', withPart(payload, 1, otherPayload.split('.')[1])],
    ['the tag of another payload', withPart(payload, 2, otherPayload.split('.')[2])],
    ['the ciphertext of another payload', withPart(payload, 3, otherPayload.split('.')[3])],
  ])('throws for %s', (_name, tampered) => {
    expect(() => decryptSecret(tampered, KEY)).toThrow('Encrypted API key secret cannot be decrypted');
  });

  it.each<[string, Buffer]>([
    ['16 bytes', randomBytes(16)],
    ['31 bytes', randomBytes(31)],
    ['33 bytes', randomBytes(33)],
    ['no bytes', Buffer.alloc(0)],
  ])('refuses an encryption key of %s', (_name, key) => {
    expect(() => encryptSecret('x', key)).toThrow();
    expect(() => decryptSecret(payload, key)).toThrow();
  });
});

describe('deriveKeyMaterial', () => {
  const HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

  it.each<[string, string]>([
    ['lowercase hex', HEX],
    ['uppercase hex', HEX.toUpperCase()],
  ])('uses the 32 bytes of a 64-char %s value as they are, for either purpose', (_name, value) => {
    const expected = Buffer.from(HEX, 'hex');
    expect(deriveKeyMaterial(value, 'hmac', 'seed').equals(expected)).toBe(true);
    expect(deriveKeyMaterial(value, 'encryption', 'seed').equals(expected)).toBe(true);
  });

  it.each<[string, string]>([
    ['a passphrase', 'a long production passphrase'],
    ['63 hex characters', HEX.slice(1)],
    ['65 hex characters', `${HEX}0`],
    ['64 characters that are not hex', 'g'.repeat(64)],
    ['hex with surrounding spaces', ` ${HEX} `],
  ])('derives 32 bytes from %s, different per purpose and stable', (_name, value) => {
    const hmac = deriveKeyMaterial(value, 'hmac', 'seed');
    const encryption = deriveKeyMaterial(value, 'encryption', 'seed');
    expect(hmac).toHaveLength(32);
    expect(encryption).toHaveLength(32);
    expect(hmac.equals(encryption)).toBe(false);
    expect(hmac.equals(deriveKeyMaterial(value, 'hmac', 'another seed'))).toBe(true);
    expect(hmac.equals(Buffer.from(HEX, 'hex'))).toBe(false);
    expect(hmac.subarray(0, Math.min(32, value.length)).equals(Buffer.from(value).subarray(0, 32))).toBe(false);
  });

  it('derives different bytes from different passphrases', () => {
    expect(deriveKeyMaterial('passphrase-a', 'hmac', 's').equals(deriveKeyMaterial('passphrase-b', 'hmac', 's'))).toBe(false);
  });

  it.each<[string, string | undefined]>([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('falls back to the seed when the value is %s', (_name, value) => {
    for (const purpose of ['hmac', 'encryption'] as const) {
      const fallback = deriveKeyMaterial(value, purpose, 'dev-seed');
      expect(fallback).toHaveLength(32);
      expect(fallback.equals(deriveKeyMaterial('dev-seed', purpose, 'unused'))).toBe(true);
      expect(fallback.equals(deriveKeyMaterial(value, purpose, 'other-seed'))).toBe(false);
      expect(fallback.equals(deriveKeyMaterial('a configured value', purpose, 'dev-seed'))).toBe(false);
    }
    expect(deriveKeyMaterial(value, 'hmac', 'dev-seed').equals(deriveKeyMaterial(value, 'encryption', 'dev-seed'))).toBe(false);
  });

  it('refuses to derive from nothing (no value, empty seed)', () => {
    expect(() => deriveKeyMaterial(undefined, 'hmac', '')).toThrow();
  });

  it('yields keys that work with encryptSecret and not with each other', () => {
    const a = deriveKeyMaterial('passphrase', 'encryption', 's');
    const b = deriveKeyMaterial(undefined, 'encryption', 's');
    const secret = generateSecret('rw');
    expect(decryptSecret(encryptSecret(secret, a), a)).toBe(secret);
    expect(() => decryptSecret(encryptSecret(secret, a), b)).toThrow();
  });
});
