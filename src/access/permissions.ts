/**
 * The permission model: what a key may do, normalised once when the key loads into a complete,
 * immutable map so that every decision in `decisions.ts` is a plain lookup.
 */

/** The four CRUD actions a rule grants on a content type. */
export type Action = 'read' | 'create' | 'update' | 'delete';
/** The actions that can be narrowed per field. */
export type FieldAction = 'read' | 'create' | 'update';

/** Which kind of key: the two application keys or a user-defined key. */
export type KeyKind = 'rw' | 'ro' | 'user';

/** Per-field rights in a rule; an absent entry means "the type's right". */
export interface FieldRights {
  read?: boolean;
  create?: boolean;
  update?: boolean;
}

/** A rule of a user-defined key (Flotiq's shape plus field rights). */
export interface KeyRule {
  contentTypeDefinitionName: string;
  canRead: boolean;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  fields?: Record<string, FieldRights>;
}

/** A key's rights on one type after normalisation. */
export interface TypeRights {
  readonly actions: ReadonlySet<Action>;
  /** Fields denied per field action (narrowing the type's right). */
  readonly deniedFields: Readonly<Record<FieldAction, ReadonlySet<string>>>;
}

/** The complete, immutable rights of one key. */
export interface Permissions {
  readonly kind: KeyKind;
  /** Application keys reach every type, including ones created after the key. */
  readonly everyType: ReadonlySet<Action> | undefined;
  /** Rights of a user-defined key, per type. Types absent here are unreachable. */
  readonly types: ReadonlyMap<string, TypeRights>;
  /** Whether the key may create, change and delete content type definitions. */
  readonly manageSchema: boolean;
}
