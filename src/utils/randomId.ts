import { randomBytes, randomUUID } from 'node:crypto';

/** An unpredictable Flotiq-style object id, `{ctd}-{random}` (ids must not be guessable). */
export function newObjectId(contentTypeName: string): string {
  return `${contentTypeName}-${randomBytes(9).toString('base64url').replace(/[^a-zA-Z0-9]/g, '0')}`;
}

/** A uuid for records that Flotiq identifies by uuid (CTDs). */
export function newUuid(): string {
  return randomUUID();
}
