import { newObjectId } from '../utils/randomId';

/** Flotiq's pattern for client-given ids (spec §2.5; `?` is left out: it cannot stand in a URL path). */
export const OBJECT_ID_PATTERN = /^[a-zA-Z0-9\-_.,:=!#$%&(`’{}" ]*$/;
/** Longest accepted id. */
export const OBJECT_ID_MAX_LENGTH = 255;

/** The problem with a client-given id, or undefined when it is acceptable. */
export function objectIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return 'String value found, but a string is required'.replace('String', typeName(id));
  if (id.trim() === '') return 'Must be at least 1 characters long';
  if (id.length > OBJECT_ID_MAX_LENGTH) return `Must be at most ${OBJECT_ID_MAX_LENGTH} characters long`;
  if (!OBJECT_ID_PATTERN.test(id)) return `Does not match the regex pattern ${OBJECT_ID_PATTERN.source}`;
  return undefined;
}

/** The key an id is stored and looked up by: ids are case-insensitive (spec §2.1). */
export function idKeyOf(id: string): string {
  return id.toLowerCase();
}

/** A new id for an object of the type. */
export function generateObjectId(contentTypeName: string): string {
  return newObjectId(contentTypeName);
}

function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const t = typeof value;
  return t.charAt(0).toUpperCase() + t.slice(1);
}
