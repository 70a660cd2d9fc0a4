import type { ContentTypeDefinition, ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import { encodeForStorage } from '../database/storageCodec';
import type { FieldErrors } from '../errors/appError';
import { refKey } from './dataUrl';
import { idKeyOf } from './objectIds';
import { objectTitleOf } from './objectTitle';
import { uniqueValuesOf } from './uniqueValues';
import { collectReferences } from './validation/metaRules';

/** What a checked write will store: the client's properties and what is derived from them. */
export interface PreparedWrite {
  id: string;
  idKey: string;
  data: Record<string, unknown>;
  refs: string[];
  sizeBytes: number;
  title: string;
}

/** Derives what a write of `data` as object `id` stores besides the data: relations, size, title. */
export function prepareWrite(ctd: ContentTypeDefinitionInput, id: string, data: Record<string, unknown>): PreparedWrite {
  const refs = [...new Set(collectReferences(ctd, data).map((ref) => refKey(ref.type, ref.id)))];
  return {
    id,
    idKey: idKeyOf(id),
    data,
    refs,
    sizeBytes: Buffer.byteLength(JSON.stringify({ id, ...data }), 'utf8'),
    title: objectTitleOf(ctd, id, data),
  };
}

/** The stored fields a write sets (the data through the storage codec). */
export function storedFields(prepared: PreparedWrite) {
  return {
    data: encodeForStorage(prepared.data) as Record<string, unknown>,
    refs: prepared.refs,
    sizeBytes: prepared.sizeBytes,
    'internal.objectTitle': prepared.title,
  };
}

/** Whether a stored object is live (not soft-deleted). */
export function isLive(record: ContentObjectRecord): boolean {
  return record.internal.deletedAt === '';
}

/** Unique values that two of the given writes would both hold. */
export function findDuplicateUniqueValues(accountId: string, ctd: ContentTypeDefinition, writes: PreparedWrite[]): FieldErrors {
  const seen = new Set<string>();
  const problems: FieldErrors = {};
  for (const write of writes) {
    for (const value of uniqueValuesOf(accountId, ctd, write.data)) {
      if (seen.has(value.claimId)) problems[value.field] = ['This value is already used'];
      seen.add(value.claimId);
    }
  }
  return problems;
}
