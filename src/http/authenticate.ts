import { errors } from '../errors/errorFactory';
import type { KeyResolver, Principal } from '../keys/keyResolver';
import { presentedKey, type KeyCarrier } from './presentedKey';

/**
 * The principal of a request, or the same 401 whatever was wrong (missing, malformed, unknown,
 * regenerated or removed key), so the response never tells which.
 */
export async function authenticate(request: KeyCarrier, resolver: KeyResolver): Promise<Principal> {
  const key = presentedKey(request);
  const principal = key ? await resolver.resolve(key) : undefined;
  if (!principal) throw errors.unauthenticated();
  return principal;
}
