import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * THREATS H-44: the installed versions of the libraries named in THREATS.md stay at or above the
 * releases that fixed the advisories listed there, so `npm test` (and CI) fails on a downgrade.
 * The registry's audit endpoint is not reachable from every build machine; this check needs none.
 */
const FLOORS: [pkg: string, floor: string, advisory: string][] = [
  ['@apollo/server', '5.5.0', 'GHSA-9q82-xgwf-vj6h (GET with non-JSON Content-Type), CVE-2026-23897 (5.4.0)'],
  ['graphql', '16.8.1', 'CVE-2023-26144 / GHSA-9pv7-vfvm-6vr7 (OverlappingFieldsCanBeMerged)'],
  ['mongoose', '9.1.6', 'CVE-2024-53900, CVE-2025-23061, sanitizeFilter $where (b804e34)'],
];

/** `a >= b` for plain `x.y.z` release versions (prereleases and build tags are not used by these packages). */
function atLeast(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(__dirname, '..', '..', ...path), 'utf8'));
const installedVersion = (pkg: string): string => readJson('node_modules', pkg, 'package.json').version;
const manifest = readJson('package.json');

describe('dependency floors (THREATS H-44)', () => {
  it.each(FLOORS)('%s is at least %s (%s)', (pkg, floor) => {
    const version = installedVersion(pkg);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect({ pkg, version, atLeastFloor: atLeast(version, floor) }).toEqual({ pkg, version, atLeastFloor: true });
  });

  it('package.json cannot resolve below the floors either', () => {
    for (const [pkg, floor] of FLOORS) {
      const range = manifest.dependencies[pkg] as string;
      expect(range).toMatch(/^[~^]?\d+\.\d+\.\d+$/);
      expect({ pkg, range, ok: atLeast(range.replace(/^[~^]/, ''), floor) }).toEqual({ pkg, range, ok: true });
    }
  });

  it('uses no Express (its query-string advisories do not apply; fastify parses query strings flat)', () => {
    expect(Object.keys({ ...manifest.dependencies })).not.toContain('express');
  });
});
