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
export type FieldAction = 'read' | 'create' | 'update';

/** The properties of each matrix type (see matrixTypes.ts). */
export const FIELDS: Record<MatrixType, readonly string[]> = { article: ['title', 'slug', 'body', 'rating', 'category'], category: ['name'] };
/** The properties a slug rule fills each property from (article's `slug` from `title`, see matrixTypes.ts). */
export const SLUG_SOURCES: Record<MatrixType, Readonly<Record<string, readonly string[]>>> = { article: { slug: ['title'] }, category: {} };
/** The properties `internal.objectTitle` derives from: each type's `isTitlePart` properties. */
export const TITLE_SOURCES: Record<MatrixType, readonly string[]> = { article: ['title'], category: ['name'] };
/** The fields `get` and `list` read (besides `internal.objectTitle`). */
export const VISIBLE: Record<MatrixType, readonly string[]> = { article: ['id', 'title', 'slug', 'rating'], category: ['id', 'name'] };

/** A rule of a matrix key: type rights, and per field the field actions it denies. */
export interface MatrixRule {
  rights: Record<Right, boolean>;
  denied?: Record<string, FieldAction[]>;
}

/** One key of the matrix: an application key, or a user key with at most one rule per type. */
export interface MatrixKey {
  label: string;
  kind: 'rw' | 'ro' | 'user';
  rules?: Partial<Record<MatrixType, MatrixRule>>;
}

const all = (value: boolean): Record<Right, boolean> => ({ canRead: value, canCreate: value, canUpdate: value, canDelete: value });
const only = (right: Right): Record<Right, boolean> => ({ ...all(false), [right]: true });
const allBut = (right: Right): Record<Right, boolean> => ({ ...all(true), [right]: false });
const user = (label: string, rules: Partial<Record<MatrixType, MatrixRule>>): MatrixKey => ({ label, kind: 'user', rules });

/**
 * RW and RO; per type a rule with everything off and one with everything on (the other type has no
 * rule); each single right on for one type with the complementary rights on the other; field
 * narrowings of a non-title field, of the title (which hides the slug filled from it) and of the
 * slug, with hydration into readable and unreadable categories.
 */
export function matrixKeys(): MatrixKey[] {
  const keys: MatrixKey[] = [
    { label: 'application rw', kind: 'rw' },
    { label: 'application ro', kind: 'ro' },
  ];
  for (const type of MATRIX_TYPES) {
    keys.push(user(`${type}: all off`, { [type]: { rights: all(false) } }));
    keys.push(user(`${type}: all on`, { [type]: { rights: all(true) } }));
  }
  for (const right of RIGHTS) {
    keys.push(user(`article: only ${right}; category: all but ${right}`, { article: { rights: only(right) }, category: { rights: allBut(right) } }));
    keys.push(user(`article: all but ${right}; category: only ${right}`, { article: { rights: allBut(right) }, category: { rights: only(right) } }));
  }
  for (const action of ['read', 'create', 'update'] as const) {
    keys.push(user(`article: all on, body ${action} off`, { article: { rights: all(true), denied: { body: [action] } } }));
  }
  keys.push(user('article: canRead; category: canRead', { article: { rights: only('canRead') }, category: { rights: only('canRead') } }));
  keys.push(
    user('article: all on, title read off; category: canRead', {
      article: { rights: all(true), denied: { title: ['read'] } },
      category: { rights: only('canRead') },
    }),
  );
  keys.push(
    user('article: all on, title create and update off; category: all on, name create and update off', {
      article: { rights: all(true), denied: { title: ['create', 'update'] } },
      category: { rights: all(true), denied: { name: ['create', 'update'] } },
    }),
  );
  keys.push(
    user('article: all on, slug read, create and update off; category: all on', {
      article: { rights: all(true), denied: { slug: ['read', 'create', 'update'] } },
      category: { rights: all(true) },
    }),
  );
  keys.push(
    user('article: canRead, title and slug read off; category: all on, name read off', {
      article: { rights: only('canRead'), denied: { title: ['read'], slug: ['read'] } },
      category: { rights: all(true), denied: { name: ['read'] } },
    }),
  );
  return keys;
}

/** The rules of a user key, as the key service takes them. */
export function rulesOf(key: MatrixKey): KeyRule[] {
  return Object.entries(key.rules ?? {}).map(([type, rule]) => {
    const fields = rule.denied ? Object.fromEntries(Object.entries(rule.denied).map(([field, actions]) => [field, Object.fromEntries(actions.map((a) => [a, false]))])) : undefined;
    return { contentTypeDefinitionName: type, ...rule.rights, ...(fields ? { fields } : {}) };
  });
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
  | 'filterOnSlug'
  | 'hydrateCategory';

/** The operations each type is exercised with (body/slug/category are article's). */
export function operationsFor(type: MatrixType): Operation[] {
  const common: Operation[] = ['get', 'list', 'count', 'create', 'update', 'delete'];
  return type === 'article' ? [...common, 'readBody', 'createWithBody', 'updateBody', 'filterOnBody', 'filterOnSlug', 'hydrateCategory'] : common;
}

/** Whether the key has a type-level right, from its definition (not from the engine). */
export function hasRight(key: MatrixKey, type: MatrixType, right: Right): boolean {
  if (key.kind === 'rw') return true;
  if (key.kind === 'ro') return right === 'canRead';
  return key.rules?.[type]?.rights[right] === true;
}

/** Whether the key holds any right on the type (else the type does not exist for it: 404). */
export function reachesType(key: MatrixKey, type: MatrixType): boolean {
  return RIGHTS.some((right) => hasRight(key, type, right));
}

const RIGHT_OF: Record<FieldAction, Right> = { read: 'canRead', create: 'canCreate', update: 'canUpdate' };

/** Whether the key may use `field` of `type` for `action`: the type's right, not denied for the field. */
export function fieldAllowed(key: MatrixKey, type: MatrixType, field: string, action: FieldAction): boolean {
  return hasRight(key, type, RIGHT_OF[action]) && !(key.rules?.[type]?.denied?.[field] ?? []).includes(action);
}

/** Whether the key may see the value of `field`: it may read the field and every field a slug rule fills it from. */
export function valueReadable(key: MatrixKey, type: MatrixType, field: string): boolean {
  return [field, ...(SLUG_SOURCES[type][field] ?? [])].every((read) => fieldAllowed(key, type, read, 'read'));
}

/** Whether the key may see `internal.objectTitle`: it may read every field the title derives from. */
export function titleReadable(key: MatrixKey, type: MatrixType): boolean {
  return hasRight(key, type, 'canRead') && TITLE_SOURCES[type].every((field) => fieldAllowed(key, type, field, 'read'));
}

/** The `VISIBLE` fields the key may read (what `list` selects). */
export function readableVisible(key: MatrixKey, type: MatrixType): string[] {
  return VISIBLE[type].filter((field) => field === 'id' || valueReadable(key, type, field));
}

/** The fields of `type` whose value the key may not see (present in an answer = a leak). */
export function unreadableFields(key: MatrixKey, type: MatrixType): string[] {
  return FIELDS[type].filter((field) => !valueReadable(key, type, field));
}

/** The fields a create (with or without body) and an update of the matrix send, besides `id`. */
export const WRITTEN: Record<MatrixType, { create: string[]; createWithBody: string[]; update: string[]; updateBody: string[] }> = {
  article: { create: ['title'], createWithBody: ['title', 'body'], update: ['title'], updateBody: ['body'] },
  category: { create: ['name'], createWithBody: ['name'], update: ['name'], updateBody: [] },
};

/** The promised outcome of one operation. */
export function expectedAllowed(key: MatrixKey, type: MatrixType, operation: Operation): boolean {
  const writes = (action: 'create' | 'update', fields: string[]) =>
    hasRight(key, type, RIGHT_OF[action]) && fields.every((field) => fieldAllowed(key, type, field, action));
  switch (operation) {
    case 'get':
      return hasRight(key, type, 'canRead') && VISIBLE[type].every((field) => field === 'id' || valueReadable(key, type, field));
    case 'list':
    case 'count':
      return hasRight(key, type, 'canRead');
    case 'create':
    case 'createWithBody':
      return writes('create', WRITTEN[type][operation]);
    case 'update':
    case 'updateBody':
      return writes('update', WRITTEN[type][operation]);
    case 'delete':
      return hasRight(key, type, 'canDelete');
    case 'readBody':
    case 'filterOnBody':
      return valueReadable(key, type, 'body');
    case 'filterOnSlug':
      return valueReadable(key, type, 'slug');
    case 'hydrateCategory':
      return fieldAllowed(key, 'article', 'category', 'read') && hasRight(key, 'category', 'canRead');
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
    slug: 'seed-article',
    body: 'Seed body',
    rating: 4,
    category: [{ dataUrl: '/api/v1/content/category/category-seed', type: 'internal' }],
  },
} as const;

/** The `internal.objectTitle` of a seed object (each type's title part). */
export const SEED_TITLE: Record<MatrixType, string> = { article: SEED.article.title, category: SEED.category.name };
