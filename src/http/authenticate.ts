import { errors } from '../errors/errorFactory';
import type { KeyResolver, Principal } from '../keys/keyResolver';
import { presentedKey, type KeyCarrier } from './presentedKey';

/** Principals already resolved for a request (by the quota layer), so a route does not resolve twice. */
const resolved = new WeakMap<object, Principal>();

/** Records the principal a request's key resolved to earlier in the same request. */
export function rememberPrincipal(request: KeyCarrier, principal: Principal): void {
  resolved.set(request, principal);
}

/**
 * The principal of a request, or the same 401 whatever was wrong (missing, malformed, unknown,
 * regenerated or removed key), so the response never tells which.
 */
export async function authenticate(request: KeyCarrier, resolver: KeyResolver): Promise<Principal> {
  const known = resolved.get(request);
  if (known) return known;
  const key = presentedKey(request);
  const principal = key ? await resolver.resolve(key) : undefined;
  if (!principal) throw errors.unauthenticated();
  return principal;
}
