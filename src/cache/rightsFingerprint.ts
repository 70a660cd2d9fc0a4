import { createHash } from 'node:crypto';
import type { Permissions } from '../access/permissions';

const fingerprints = new WeakMap<Permissions, string>();

/**
 * A stable digest of what a key may do: two keys with the same rights share cached reads, and a key
 * whose rules change gets a new one. Computed once per normalised `Permissions` object.
 */
export function rightsFingerprint(permissions: Permissions): string {
  const known = fingerprints.get(permissions);
  if (known) return known;
  const sorted = (values: Iterable<string>) => [...values].sort();
  const canonical = JSON.stringify({
    kind: permissions.kind,
    everyType: permissions.everyType ? sorted(permissions.everyType) : null,
    manageSchema: permissions.manageSchema,
    types: [...permissions.types]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, rights]) => [
        type,
        sorted(rights.actions),
        Object.fromEntries(Object.entries(rights.deniedFields).map(([action, fields]) => [action, sorted(fields)])),
      ]),
  });
  const digest = createHash('sha256').update(canonical).digest('base64url');
  fingerprints.set(permissions, digest);
  return digest;
}
