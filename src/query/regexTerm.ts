/**
 * Substring search terms: a client's text becomes a literal, case-insensitive, length-capped regular
 * expression, so no client text is ever interpreted as a pattern (THREATS G-41, ReDoS).
 */

/** Longest search term accepted by contains/notContains/startsWith/endsWith. */
export const MAX_TERM_LENGTH = 256;

/** Where the literal must occur in the value. */
export type TermAnchor = 'anywhere' | 'start' | 'end';

/** Every character with a meaning in PCRE or Go's RE2 syntax; each is escaped with a backslash. */
const METACHARACTERS = /[\\^$.*+?()[\]{}|/-]/g;

/** Escapes every regular-expression metacharacter so `term` matches only itself. */
export function escapeRegex(term: string): string {
  return term.replace(METACHARACTERS, '\\$&');
}

/** The MongoDB `$regex` condition matching `term` literally and case-insensitively at `anchor`. */
export function termCondition(term: string, anchor: TermAnchor): { $regex: string; $options: 'i' } {
  const literal = escapeRegex(term);
  const pattern = anchor === 'start' ? `^${literal}` : anchor === 'end' ? `${literal}$` : literal;
  return { $regex: pattern, $options: 'i' };
}
