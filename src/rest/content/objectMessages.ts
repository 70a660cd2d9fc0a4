/** Flotiq's wording for the per-object refusals of the batch endpoints (spec §2.1, §2.5). */

/** An id sent twice in one batch. */
export const DUPLICATE_ID_MESSAGE = 'There are duplications in object data, key: id';

/** An object that is not there. */
export function missingObjectMessage(id: string): string {
  return `Content object: "${id}" doesn't exist`;
}

/** An object that other objects still reference. */
export function referencedObjectMessage(id: string): string {
  return `Content object: "${id}" is used in another content object.`;
}
