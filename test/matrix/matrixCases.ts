import type { KeyRule } from '../../src/access/permissions';

/**
 * The permission matrix, as data shared by every transport: key variations × content types ×
 * operations, each with the outcome the rules promise. Expectations are written from the rules'
 * meaning here, independently of the permission engine under test.
 */

export type Right = 'canRead' | 'canCreate' | 'canUpdate' | 'canDelete';
export const RIGHTS: readonly Right[] = ['canRead', 'canCreate', 'canUpdate', 'canDelete'];
export const MATRIX_TYPES = ['article', 'category'] as const;
export type MatrixType = (typeof MATRIX_TYPES)[number];

/** One key of the matrix. `rights` apply to `ruleType`; `fieldDenied` narrows article fields. */
export interface MatrixKey {
  label: string;
  kind: 'rw' | 'ro' | 'user';
  ruleType?: MatrixType;
  rights?: Record<Right, boolean>;
  fieldDenied?: { field: 'body'; action: 'read' | 'create' | 'update' };
}

const all = (value: boolean): Record<Right, boolean> => ({ canRead: value, canCreate: value, canUpdate: value, canDelete: value });

/** RW, RO, and for each type: all off, all on, each single right on, each single right off; plus field narrowings. */
export function matrixKeys(): MatrixKey[] {
  const keys: MatrixKey[] = [
    { label: 'application rw', kind: 'rw' },
    { label: 'application ro', kind: 'ro' },
  ];
  for (const type of MATRIX_TYPES) {
    keys.push({ label: `${type}: all off`, kind: 'user', ruleType: type, rights: all(false) });
    keys.push({ label: `${type}: all on`, kind: 'user', ruleType: type, rights: all(true) });
    for (const right of RIGHTS) {
      keys.push({ label: `${type}: only ${right}`, kind: 'user', ruleType: type, rights: { ...all(false), [right]: true } });
      keys.push({ label: `${type}: all but ${right}`, kind: 'user', ruleType: type, rights: { ...all(true), [right]: false } });
    }
  }
  for (const action of ['read', 'create', 'update'] as const) {
    keys.push({ label: `article: all on, body ${action} off`, kind: 'user', ruleType: 'article', rights: all(true), fieldDenied: { field: 'body', action } });
  }
  return keys;
}

/** The rules of a user key. */
export function rulesOf(key: MatrixKey): KeyRule[] {
  if (key.kind !== 'user' || !key.ruleType || !key.rights) return [];
  const fields = key.fieldDenied ? { [key.fieldDenied.field]: { [key.fieldDenied.action]: false } } : undefined;
  return [{ contentTypeDefinitionName: key.ruleType, ...key.rights, ...(fields ? { fields } : {}) }];
}

/** What a case does. */
export type Operation =
  | 'get'
  | 'list'
  | 'count'
  | 'create'
  | 'update'
  | 'delete'
  | 'readBody'
  | 'createWithBody'
  | 'updateBody'
  | 'filterOnBody'
  | 'hydrateCategory';

/** The operations each type is exercised with (body/rating/category are article's). */
export function operationsFor(type: MatrixType): Operation[] {
  const common: Operation[] = ['get', 'list', 'count', 'create', 'update', 'delete'];
  return type === 'article' ? [...common, 'readBody', 'createWithBody', 'updateBody', 'filterOnBody', 'hydrateCategory'] : common;
}

/** Whether the key has a type-level right, from its definition (not from the engine). */
export function hasRight(key: MatrixKey, type: MatrixType, right: Right): boolean {
  if (key.kind === 'rw') return true;
  if (key.kind === 'ro') return right === 'canRead';
  return key.ruleType === type && key.rights?.[right] === true;
}

function bodyAllowed(key: MatrixKey, action: 'read' | 'create' | 'update'): boolean {
  return !(key.fieldDenied?.field === 'body' && key.fieldDenied.action === action);
}

/** The promised outcome of one operation. */
export function expectedAllowed(key: MatrixKey, type: MatrixType, operation: Operation): boolean {
  switch (operation) {
    case 'get':
    case 'list':
    case 'count':
      return hasRight(key, type, 'canRead');
    case 'create':
      return hasRight(key, type, 'canCreate');
    case 'update':
      return hasRight(key, type, 'canUpdate');
    case 'delete':
      return hasRight(key, type, 'canDelete');
    case 'readBody':
    case 'filterOnBody':
      return hasRight(key, type, 'canRead') && bodyAllowed(key, 'read');
    case 'createWithBody':
      return hasRight(key, type, 'canCreate') && bodyAllowed(key, 'create');
    case 'updateBody':
      return hasRight(key, type, 'canUpdate') && bodyAllowed(key, 'update');
    case 'hydrateCategory':
      return hasRight(key, 'article', 'canRead') && hasRight(key, 'category', 'canRead');
  }
}

/** One row of the matrix. */
export interface MatrixCase {
  key: MatrixKey;
  type: MatrixType;
  operation: Operation;
  allowed: boolean;
}

/** Every case: keys × types × operations. */
export function matrixCases(): MatrixCase[] {
  return matrixKeys().flatMap((key) =>
    MATRIX_TYPES.flatMap((type) =>
      operationsFor(type).map((operation) => ({ key, type, operation, allowed: expectedAllowed(key, type, operation) })),
    ),
  );
}

/** Seed data every case starts from (created with the RW key). */
export const SEED = {
  category: { id: 'category-seed', name: 'Seed category' },
  article: {
    id: 'article-seed',
    title: 'Seed article',
    body: 'Seed body',
    rating: 4,
    category: [{ dataUrl: '/api/v1/content/category/category-seed', type: 'internal' }],
  },
} as const;
