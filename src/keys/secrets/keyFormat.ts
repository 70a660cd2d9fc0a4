import { randomBytes } from 'node:crypto';

/**
 * The API key secret format: `cg_<kind>_<body><checksum>`.
 *
 * - `kind` names what the key is: `rw` (application read-write), `ro` (application read-only),
 *   `usr` (user-defined rights). `_` separates the parts: it is not a base62 character, and a
 *   double-click selects the whole key.
 * - `body` is 24 base62 characters drawn without bias from `crypto.randomBytes` (≈ 142.9 bits).
 * - `checksum` is the CRC32 (IEEE) of `cg_<kind>_<body>`, written as 6 base62 characters,
 *   zero-padded. It lets the gateway (and secret scanners) refuse a mistyped or guessed key
 *   offline, before any database lookup. It is not a MAC: anyone can compute it.
 */

/** The kinds of key a secret can name; the kind is part of the visible prefix. */
export const KEY_KINDS = ['rw', 'ro', 'usr'] as const;

/** `rw` application read-write, `ro` application read-only, `usr` user-defined rights. */
export type KeyKind = (typeof KEY_KINDS)[number];

/** A secret that passed every offline check, with the kind its prefix names. */
export interface ParsedSecret {
  kind: KeyKind;
  secret: string;
}

const VENDOR = 'cg';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 24;
const CHECKSUM_LENGTH = 6;
const MASK_VISIBLE_TAIL = 4;
/** 248 = 4 × 62: bytes at or above it are rejected so `byte % 62` is uniform. */
const REJECTION_LIMIT = 256 - (256 % BASE62.length);

/**
 * A scanner pattern for contentgate secrets anywhere in text (logs, commits, pastes). It has no
 * `g` flag (so `.test` carries no state); build `new RegExp(KEY_SECRET_PATTERN.source, 'g')` to
 * find every match. A match still needs `parseSecret` to confirm its checksum.
 */
export const KEY_SECRET_PATTERN = new RegExp(
  `\\b${VENDOR}_(?:${KEY_KINDS.join('|')})_[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}\\b`,
);

/** base62 digit value per ASCII code, -1 for anything outside the alphabet. */
const DIGIT_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE62.length; i++) table[BASE62.charCodeAt(i)] = i;
  return table;
})();

/** The CRC32 lookup table for the reflected IEEE polynomial 0xEDB88320. */
const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32 (IEEE 802.3, as in zip/PNG) of a string's UTF-8 bytes or of raw bytes; an unsigned 32-bit number. */
export function crc32(input: string | Uint8Array): number {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The checksum part of a secret: the CRC32 of `text` as exactly 6 base62 digits (62^6 > 2^32). */
function checksumOf(text: string): string {
  let value = crc32(text);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** `count` base62 characters, each uniform: random bytes ≥ 248 are discarded, not folded. */
function randomBase62(count: number): string {
  let out = '';
  while (out.length < count) {
    // 32 bytes yield 24 accepted digits with overwhelming probability; loop for the rest.
    for (const byte of randomBytes(32)) {
      if (byte >= REJECTION_LIMIT) continue;
      out += BASE62[byte % BASE62.length];
      if (out.length === count) break;
    }
  }
  return out;
}

function prefixOf(kind: KeyKind): string {
  return `${VENDOR}_${kind}_`;
}

function secretLength(kind: KeyKind): number {
  return prefixOf(kind).length + BODY_LENGTH + CHECKSUM_LENGTH;
}

/** A new secret of the given kind. Show it to its owner; store only `hashSecret` of it. */
export function generateSecret(kind: KeyKind): string {
  if (!KEY_KINDS.includes(kind)) throw new TypeError('Unknown API key kind');
  const unchecked = `${prefixOf(kind)}${randomBase62(BODY_LENGTH)}`;
  return `${unchecked}${checksumOf(unchecked)}`;
}

/**
 * Decides, offline, whether `candidate` is a well-formed contentgate secret: a string of the right
 * length, a known `cg_<kind>_` prefix, base62 body and checksum, and a matching CRC32. Returns
 * `undefined` for anything else; callers answer every such case with the same
 * `errors.unauthenticated()` as an unknown key. Once the (public) length is known, every
 * character is examined and the checks are combined without early exit, so the time taken does
 * not depend on where a mismatch is (as far as JavaScript allows).
 */
export function parseSecret(candidate: unknown): ParsedSecret | undefined {
  if (typeof candidate !== 'string') return undefined;
  const length = candidate.length;
  // The length is public (it only tells `usr` from the others), so a wrong one may return early.
  if (!KEY_KINDS.some((k) => secretLength(k) === length)) return undefined;
  let kind: KeyKind | undefined;
  for (const k of KEY_KINDS) {
    if (secretLength(k) !== length) continue;
    if (differenceMask(candidate, 0, prefixOf(k)) === 0) kind = k;
  }

  const checksumStart = length - CHECKSUM_LENGTH;
  let alphabetBad = 0;
  for (let i = checksumStart - BODY_LENGTH; i < length; i++) {
    const code = candidate.charCodeAt(i);
    alphabetBad |= (code < 128 ? DIGIT_VALUE[code] : -1) < 0 ? 1 : 0;
  }
  const expected = checksumOf(candidate.slice(0, checksumStart));
  const checksumBad = differenceMask(candidate, checksumStart, expected) === 0 ? 0 : 1;

  // Decided only now, after all checks ran, whichever of them failed.
  if (kind === undefined || (alphabetBad | checksumBad) !== 0) return undefined;
  return { kind, secret: candidate };
}

/** OR of the XOR of each char of `expected` against `text` from `offset`: 0 iff they are equal. */
function differenceMask(text: string, offset: number, expected: string): number {
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= text.charCodeAt(offset + i) ^ expected.charCodeAt(i);
  return diff;
}

/** What a masked value looks like when the input is not a well-formed secret. */
export const MASKED_INVALID_SECRET = '[redacted]';

/**
 * A form of a secret that is safe to log or list: the `cg_<kind>_` prefix, an ellipsis, and the
 * last 4 characters (e.g. `cg_rw_…wxyz`), nothing else. Anything that is not a well-formed
 * secret becomes `[redacted]`, so a mistyped key or another credential is never partly revealed.
 */
export function maskSecret(secret: string): string {
  const parsed = parseSecret(secret);
  if (!parsed) return MASKED_INVALID_SECRET;
  return `${prefixOf(parsed.kind)}…${secret.slice(-MASK_VISIBLE_TAIL)}`;
}
