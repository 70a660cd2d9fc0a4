import type { KeyKind, KeyRule } from '../access/permissions';
import type { ApiKeyRecord } from '../database/models/apiKeyModel';

/** A key as management surfaces show it: never the secret, only a masked form. */
export interface KeyView {
  id: string;
  name: string;
  kind: KeyKind;
  maskedKey: string;
  rules: KeyRule[];
  createdAt: string;
  updatedAt: string;
}

/** A key together with its secret, returned once when made or regenerated. */
export interface KeyWithSecret {
  key: KeyView;
  secret: string;
}

/** The management view of a stored key. */
export function toKeyView(record: ApiKeyRecord, maskedKey: string): KeyView {
  return {
    id: record._id,
    name: record.name,
    kind: record.kind,
    maskedKey,
    rules: record.rules ?? [],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
