import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random admin token for development starts without `ADMIN_TOKEN`. */
export function generateAdminToken(): string {
  return `cgadm_${randomBytes(24).toString('base64url')}`;
}

/**
 * Whether a presented token equals the configured one, compared in constant time over SHA-256
 * digests (equal lengths whatever was presented).
 */
export function adminTokenMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token a request presents: `Authorization: Bearer …` or `X-Admin-Token`. */
export function presentedAdminToken(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) return authorization.slice(7).trim();
  const header = headers['x-admin-token'];
  return typeof header === 'string' ? header.trim() : undefined;
}
