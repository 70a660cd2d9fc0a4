import crypto from 'node:crypto';
import zlib from 'node:zlib';
import {
  KEY_KINDS,
  KEY_SECRET_PATTERN,
  MASKED_INVALID_SECRET,
  crc32,
  generateSecret,
  maskSecret,
  parseSecret,
  type KeyKind,
} from '../../../src/keys/secrets/keyFormat';

/** The key format: generation, offline parsing, CRC32, masking and the scanner pattern. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KINDS: KeyKind[] = ['rw', 'ro', 'usr'];

const prefixOf = (kind: string) => `cg_${kind}_`;
const bodyOf = (secret: string, kind: KeyKind) => secret.slice(prefixOf(kind).length, -6);

/** The checksum computed independently of the module: node's zlib CRC32, base62, padded to 6. */
function independentChecksum(text: string): string {
  let value = zlib.crc32(text);
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** A secret with a correct checksum around any prefix and body (valid or not). */
const withChecksum = (unchecked: string) => unchecked + independentChecksum(unchecked);

const anyValid = (kind: KeyKind = 'rw') => generateSecret(kind);

describe('crc32', () => {
  it.each<[string, string | Uint8Array, number]>([
    ['check value', '123456789', 0xcbf43926],
    ['empty string', '', 0],
    ['empty bytes', new Uint8Array(0), 0],
    ['"a"', 'a', 0xe8b7be43],
    ['pangram', 'The quick brown fox jumps over the lazy dog', 0x414fa339],
    ['one zero byte', new Uint8Array([0]), 0xd202ef8d],
  ])('%s', (_name, input, expected) => {
    expect(crc32(input)).toBe(expected);
  });

  it('agrees with zlib.crc32 on random inputs (unsigned, 32-bit)', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = crypto.randomBytes(i);
      const value = crc32(bytes);
      expect(value).toBe(zlib.crc32(bytes));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(2 ** 32);
    }
  });
});

describe('generateSecret / parseSecret round trip', () => {
  it.each(KINDS.map((kind) => [kind]))('a %s secret parses back with its kind', (kind) => {
    for (let i = 0; i < 50; i++) {
      const secret = generateSecret(kind);
      expect(secret.startsWith(prefixOf(kind))).toBe(true);
      expect(secret).toHaveLength(prefixOf(kind).length + 24 + 6);
      expect(bodyOf(secret, kind)).toMatch(/^[0-9A-Za-z]{24}$/);
      expect(secret.slice(-6)).toBe(independentChecksum(secret.slice(0, -6)));
      expect(parseSecret(secret)).toEqual({ kind, secret });
      expect(secret.match(KEY_SECRET_PATTERN)?.[0]).toBe(secret);
    }
  });

  it('KEY_KINDS lists exactly the three kinds', () => {
    expect([...KEY_KINDS].sort()).toEqual(['ro', 'rw', 'usr']);
  });

  it.each<[string, unknown]>([
    ['unknown kind', 'admin'],
    ['empty kind', ''],
    ['non-string kind', 1],
  ])('refuses to generate a secret of an %s', (_name, kind) => {
    expect(() => generateSecret(kind as KeyKind)).toThrow();
  });

  it('accepts an independently built secret, including one whose checksum starts with 0', () => {
    // Search bodies until the CRC32 is below 62^5, so the checksum needs zero-padding.
    let body = '';
    for (let n = 0; ; n++) {
      body = `${n}`.padStart(24, 'Q');
      if (zlib.crc32(`cg_ro_${body}`) < 62 ** 5) break;
    }
    const secret = withChecksum(`cg_ro_${body}`);
    expect(secret.slice(-6).startsWith('0')).toBe(true);
    expect(parseSecret(secret)).toEqual({ kind: 'ro', secret });
  });
});

describe('randomness of the body', () => {
  const secrets = Array.from({ length: 1000 }, (_, i) => generateSecret(KINDS[i % KINDS.length]));
  const bodies = secrets.map((s, i) => bodyOf(s, KINDS[i % KINDS.length]));
  const counts = new Map<string, number>();
  for (const body of bodies) for (const ch of body) counts.set(ch, (counts.get(ch) ?? 0) + 1);

  it('1000 generated secrets (and bodies) are all distinct', () => {
    expect(new Set(secrets).size).toBe(1000);
    expect(new Set(bodies).size).toBe(1000);
  });

  it('every one of the 62 base62 characters appears in the bodies, and nothing else', () => {
    expect([...BASE62].filter((ch) => !counts.has(ch))).toEqual([]);
    expect([...counts.keys()].filter((ch) => !BASE62.includes(ch))).toEqual([]);
  });

  it('shows no modulo bias (chi-square over 24 000 characters, 61 degrees of freedom)', () => {
    // Folding bytes with `% 62` would make 0-7 ~25% more frequent: chi-square ≈ 250. Unbiased ≈ 61 ± 11.
    const expected = (1000 * 24) / 62;
    const chiSquare = [...BASE62].reduce((sum, ch) => sum + ((counts.get(ch) ?? 0) - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(130);
  });
});

describe('rejection sampling', () => {
  afterEach(() => jest.restoreAllMocks());

  it('discards bytes 248..255 and maps the others with % 62', () => {
    // 248..255 must be skipped; 0, 61, 62 (→0), 123 (→61), 247 (→61) are kept.
    const first = Buffer.from([255, 248, 0, 61, 62, 123, 247, 250, ...Array(25).fill(252)]);
    const second = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
    const spy = jest
      .spyOn(crypto, 'randomBytes')
      .mockImplementationOnce(() => first.subarray(0, 32))
      .mockImplementationOnce(() => second);
    const secret = generateSecret('rw');
    expect(spy).toHaveBeenCalledTimes(2);
    const expectedBody = '0z0zz' + BASE62.slice(1, 20);
    expect(bodyOf(secret, 'rw')).toBe(expectedBody);
    expect(parseSecret(secret)).toEqual({ kind: 'rw', secret });
  });
});

describe('parseSecret refuses malformed candidates', () => {
  it.each(KINDS.map((kind) => [kind]))('every single-character change of a %s secret is refused', (kind) => {
    const secret = generateSecret(kind);
    const replacements = [...BASE62, '_', '-', ' ', '.', '+', '/', '=', '\0', '\n', 'é', 'Ａ', '\u{1F511}'];
    const accepted: string[] = [];
    let tried = 0;
    for (let i = 0; i < secret.length; i++) {
      for (const ch of replacements) {
        if (ch === secret[i]) continue;
        const mutant = secret.slice(0, i) + ch + secret.slice(i + 1);
        tried++;
        if (parseSecret(mutant) !== undefined) accepted.push(mutant);
      }
    }
    expect(tried).toBeGreaterThan(secret.length * 60);
    expect(accepted).toEqual([]);
  });

  it.each(KINDS.map((kind) => [kind]))('swapping two different adjacent characters of a %s secret is refused', (kind) => {
    const secret = generateSecret(kind);
    const accepted: string[] = [];
    for (let i = 0; i + 1 < secret.length; i++) {
      if (secret[i] === secret[i + 1]) continue;
      const mutant = secret.slice(0, i) + secret[i + 1] + secret[i] + secret.slice(i + 2);
      if (parseSecret(mutant) !== undefined) accepted.push(mutant);
    }
    expect(accepted).toEqual([]);
  });

  const valid = anyValid('rw');
  const body = bodyOf(valid, 'rw');

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a bigint', 10n],
    ['a boolean', true],
    ['an object', { secret: valid }],
    ['an array', [valid]],
    ['a String object', new String(valid)],
    ['a Buffer', Buffer.from(valid)],
    ['an empty string', ''],
    ['only the prefix', 'cg_rw_'],
    ['one character short', valid.slice(0, -1)],
    ['one character long', `${valid}0`],
    ['a trailing newline', `${valid}\n`],
    ['a leading space', ` ${valid}`],
    ['Bearer scheme included', `Bearer ${valid}`],
    ['a huge string', valid.repeat(10_000)],
    ['another vendor prefix, checksum recomputed', withChecksum(`gh_rw_${body}`)],
    ['upper-case vendor, checksum recomputed', withChecksum(`CG_rw_${body}`)],
    ['dashes instead of underscores, checksum recomputed', withChecksum(`cg-rw-${body}`)],
    ['unknown kind of the same length, checksum recomputed', withChecksum(`cg_xx_${body}`)],
    ['upper-case kind, checksum recomputed', withChecksum(`cg_RW_${body}`)],
    ['longer unknown kind, checksum recomputed', withChecksum(`cg_adm_${body}`)],
    ['usr prefix on a 24-char body minus one, checksum recomputed', withChecksum(`cg_usr_${body.slice(1)}`)],
    ['rw prefix with a 25-char body, checksum recomputed', withChecksum(`cg_rw_${body}x`)],
    ['a body outside base62, checksum recomputed', withChecksum(`cg_rw_${body.slice(0, 23)}-`)],
    ['a non-ASCII body, checksum recomputed', withChecksum(`cg_rw_${body.slice(0, 23)}é`)],
    ['a checksum outside base62', `cg_rw_${body}${'-'.repeat(6)}`],
    ['an all-zero checksum', `cg_rw_${body}000000`],
  ])('refuses %s', (_name, candidate) => {
    expect(parseSecret(candidate)).toBeUndefined();
  });
});

describe('maskSecret', () => {
  it.each(KINDS.map((kind) => [kind]))('shows only the prefix and the last 4 characters of a %s secret', (kind) => {
    for (let i = 0; i < 50; i++) {
      const secret = generateSecret(kind);
      const masked = maskSecret(secret);
      expect(masked).toBe(`${prefixOf(kind)}…${secret.slice(-4)}`);
      // Nothing between the prefix and the last 4 characters survives, in any form.
      const hidden = secret.slice(prefixOf(kind).length, -4);
      const revealed = masked.slice(prefixOf(kind).length).replace('…', '');
      expect(revealed).toHaveLength(4);
      for (let j = 0; j + 4 <= hidden.length; j++) expect(masked).not.toContain(hidden.slice(j, j + 4));
    }
  });

  it.each<[string, string]>([
    ['a password', 'correct horse battery staple'],
    ['a near-miss key', anyValid('ro').slice(0, -1) + '!'],
    ['another vendor token', `ghp_${'a'.repeat(36)}`],
    ['an empty string', ''],
  ])('reveals nothing of %s', (_name, input) => {
    expect(maskSecret(input)).toBe(MASKED_INVALID_SECRET);
  });
});

describe('KEY_SECRET_PATTERN', () => {
  const secret = anyValid('usr');

  it.each<[string, string, string | undefined]>([
    ['inside a header line', `authorization: ${secret}\n`, secret],
    ['inside a URL query', `/api/v1/content/blog?auth_token=${secret}&x=1`, secret],
    ['quoted in JSON', JSON.stringify({ key: secret }), secret],
    ['glued to a preceding word character', `x${secret}`, undefined],
    ['followed by more base62', `${secret}Z`, undefined],
    ['with an unknown kind', secret.replace('cg_usr_', 'cg_adm_'), undefined],
    ['truncated', secret.slice(0, -1), undefined],
  ])('%s', (_name, text, expected) => {
    expect(text.match(KEY_SECRET_PATTERN)?.[0]).toBe(expected);
  });

  it('finds every key in a text with a global copy', () => {
    const keys = KINDS.map((kind) => generateSecret(kind));
    const text = keys.join(' and ');
    const found = [...text.matchAll(new RegExp(KEY_SECRET_PATTERN.source, 'g'))].map((m) => m[0]);
    expect(found).toEqual(keys);
  });
});
