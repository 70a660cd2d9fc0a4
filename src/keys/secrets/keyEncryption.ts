import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Reversible storage of API key secrets (AES-256-GCM) so the internal admin page can show a key
 * again, plus the derivation of the server-side key material (HMAC pepper, encryption key).
 */

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds ciphertexts to this use and format version: a GCM payload made for anything else fails. */
const AAD = Buffer.from('contentgate/api-key-secret/v1', 'utf8');
/** HKDF salt: fixed, for domain separation from other uses of the same configured string. */
const HKDF_SALT = Buffer.from('contentgate/key-material/v1', 'utf8');
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** The single error every failed decryption throws, so the cause is not an oracle. */
const DECRYPT_FAILED = 'Encrypted API key secret cannot be decrypted';

/**
 * Encrypts a secret as `v1.<iv>.<tag>.<ciphertext>` (base64url parts, random 12-byte IV, 16-byte
 * tag). Two encryptions of the same secret differ. `key` must be 32 bytes.
 */
export function encryptSecret(secret: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/**
 * Decrypts a payload from `encryptSecret`. Throws one fixed error for anything that is not an
 * authentic `v1` payload under `key`: wrong shape or version, non-base64url parts, wrong IV or
 * tag length, a tampered part, or a different key.
 */
export function decryptSecret(payload: string, key: Buffer): string {
  assertKey(key);
  const parts = typeof payload === 'string' ? payload.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((p) => BASE64URL.test(p))) {
    throw new Error(DECRYPT_FAILED);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  // Only the canonical encoding is accepted, so no edit of the payload text decodes to the same bytes.
  const canonical = [iv, tag, ciphertext].every((bytes, i) => bytes.toString('base64url') === parts[i + 1]);
  // GCM would accept a truncated tag unless its length is pinned, so check both lengths exactly.
  if (!canonical || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error(DECRYPT_FAILED);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(DECRYPT_FAILED);
  }
}

/**
 * Decides the 32 bytes of server-side key material for one purpose:
 * - `configValue` of exactly 64 hex characters: those 32 bytes, used as they are;
 * - any other non-blank `configValue`: HKDF-SHA256 of it, with the purpose as info;
 * - `configValue` absent or blank: HKDF-SHA256 of `fallbackSeed` the same way. This is a
 *   development default only: anyone with the source can recompute it, so production MUST set
 *   the value (and a different one per purpose when giving raw hex).
 * Derived values differ per purpose, so one configured passphrase never yields the same bytes for
 * the HMAC pepper and the encryption key.
 */
export function deriveKeyMaterial(
  configValue: string | undefined,
  purpose: 'hmac' | 'encryption',
  fallbackSeed: string,
): Buffer {
  if (configValue !== undefined && HEX_KEY.test(configValue)) return Buffer.from(configValue, 'hex');
  const source = configValue !== undefined && configValue.trim() !== '' ? configValue : fallbackSeed;
  if (source.length === 0) throw new Error('deriveKeyMaterial: no configured value and no fallback seed');
  return Buffer.from(hkdfSync('sha256', Buffer.from(source, 'utf8'), HKDF_SALT, Buffer.from(purpose, 'utf8'), KEY_BYTES));
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(`The API key encryption key must be ${KEY_BYTES} bytes`);
  }
}
