import { createHmac } from 'node:crypto';

/**
 * The lookup hash of an API key secret: HMAC-SHA256 keyed with a server-side pepper, as lowercase
 * hex (64 characters). This is the only form of a secret the database indexes; a presented key is
 * found by hashing it and looking the hash up, never by comparing plaintext. A fast hash is enough
 * because secrets carry ≥ 128 random bits; the pepper means a leaked table alone cannot be tested
 * against candidate keys. Throws on an empty pepper (a misconfiguration, not a client error).
 */
export function hashSecret(secret: string, hmacSecret: Buffer | string): string {
  if (hmacSecret.length === 0) throw new Error('hashSecret: the HMAC key must not be empty');
  return createHmac('sha256', hmacSecret).update(secret, 'utf8').digest('hex');
}
