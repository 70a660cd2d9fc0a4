import { errors } from '../errors/errorFactory';
import type { KeyResolver, Principal } from '../keys/keyResolver';
import { presentedKey, type KeyCarrier } from './presentedKey';

/**
 * Where a request keeps the principal resolved for it earlier (by the quota layer), so a route does
 * not resolve twice: a symbol-keyed property of the request (every request gets it the same way, so
 * their shape stays one; a WeakMap entry per request cost more in CPU profiles under autocannon).
 */
const RESOLVED = Symbol('contentgate.principal');

/** Records the principal a request's key resolved to earlier in the same request. */
export function rememberPrincipal(request: KeyCarrier, principal: Principal): void {
  (request as KeyCarrier & { [RESOLVED]?: Principal })[RESOLVED] = principal;
}

/**
 * The principal of a request, or the same 401 whatever was wrong (missing, malformed, unknown,
 * regenerated or removed key), so the response never tells which.
 */
export async function authenticate(request: KeyCarrier, resolver: KeyResolver): Promise<Principal> {
  const known = (request as KeyCarrier & { [RESOLVED]?: Principal })[RESOLVED];
  if (known) return known;
  const key = presentedKey(request);
  const principal = key ? await resolver.resolve(key) : undefined;
  if (!principal) throw errors.unauthenticated();
  return principal;
}
