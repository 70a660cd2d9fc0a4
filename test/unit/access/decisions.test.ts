import {
  canListRemoved,
  canManageSchema,
  canPerform,
  canReadDerived,
  canUpsert,
  canUseField,
  deniedFields,
  hasFieldRestrictions,
  readableTypes,
  seesEverything,
} from '../../../src/access/decisions';
import { normalisePermissions } from '../../../src/access/normalisePermissions';
import { keyRule } from '../../support/keyRules';
import type { Action } from '../../../src/access/permissions';

const rule = keyRule;

const rw = normalisePermissions('rw');
const ro = normalisePermissions('ro');
const none = normalisePermissions('user', []);
const readPosts = normalisePermissions('user', [rule('post', { canRead: true })]);
const restricted = normalisePermissions('user', [
  rule('post', { canRead: true, canCreate: true, canUpdate: true, fields: { secret: { read: false }, slug: { update: false }, title: { create: true } } }),
]);
const merged = normalisePermissions('user', [rule('post', { canRead: true }), rule('post', { canDelete: true })]);

describe('canPerform', () => {
  it.each<[string, ReturnType<typeof normalisePermissions>, Action, string, boolean]>([
    ['rw reads', rw, 'read', 'post', true],
    ['rw deletes any type, even new ones', rw, 'delete', 'brand_new', true],
    ['ro reads', ro, 'read', 'post', true],
    ['ro cannot create', ro, 'create', 'post', false],
    ['ro cannot update', ro, 'update', 'post', false],
    ['ro cannot delete', ro, 'delete', 'post', false],
    ['a key with no rules reaches nothing', none, 'read', 'post', false],
    ['a rule grants only what it says', readPosts, 'read', 'post', true],
    ['a rule grants nothing else', readPosts, 'create', 'post', false],
    ['types without a rule are unreachable', readPosts, 'read', 'category', false],
    ['rules for one type merge (read)', merged, 'read', 'post', true],
    ['rules for one type merge (delete)', merged, 'delete', 'post', true],
    ['rules for one type merge (not update)', merged, 'update', 'post', false],
    ['system types are types like the others', readPosts, 'read', '_media', false],
  ])('%s', (_name, permissions, action, type, expected) => {
    expect(canPerform(permissions, action, type)).toBe(expected);
  });

  it('treats only === true as a grant', () => {
    const sloppy = normalisePermissions('user', [{ ...rule('post'), canRead: 'yes' as unknown as boolean }]);
    expect(canPerform(sloppy, 'read', 'post')).toBe(false);
  });
});

describe('field decisions', () => {
  it.each<[string, 'read' | 'create' | 'update', string, boolean]>([
    ['a denied read field', 'read', 'secret', false],
    ['other fields follow the type (read)', 'read', 'title', true],
    ['id follows the type', 'read', 'id', true],
    ['a field denied for update only', 'update', 'slug', false],
    ['…is still creatable', 'create', 'slug', true],
    ['…and readable', 'read', 'slug', true],
    ['a field right true keeps the type right', 'create', 'title', true],
  ])('%s', (_name, action, field, expected) => {
    expect(canUseField(restricted, action, 'post', field)).toBe(expected);
  });

  it('a field right true cannot widen the type: it does not grant what the type lacks', () => {
    const widen = normalisePermissions('user', [rule('post', { canRead: true, fields: { title: { update: true } } })]);
    expect(canUseField(widen, 'update', 'post', 'title')).toBe(false);
  });

  // The key service refuses two rules for one type; normalisation still has to combine them
  // (rules stored by hand, or by an older version): type rights by union, field denials by union.
  const overlapping = normalisePermissions('user', [
    rule('post', { canRead: true, fields: { secret: { read: false } } }),
    rule('post', { canRead: true, canUpdate: true, fields: { secret: { read: true }, slug: { update: false } } }),
  ]);
  it.each<[string, 'read' | 'create' | 'update', string, boolean]>([
    ['overlapping rules: a field one rule denies stays denied though another allows it', 'read', 'secret', false],
    ['overlapping rules: a field denied by the second rule only is denied', 'update', 'slug', false],
    ['overlapping rules: a right of the second rule applies to the other fields', 'update', 'title', true],
    ['overlapping rules: a right of neither rule stays off', 'create', 'title', false],
  ])('%s', (_name, action, field, expected) => {
    expect(canUseField(overlapping, action, 'post', field)).toBe(expected);
  });

  it.each<[string, ReturnType<typeof normalisePermissions>, readonly string[], boolean]>([
    ['a derived value of readable fields is readable', restricted, ['title', 'slug'], true],
    ['a derived value is hidden when one source is unreadable', restricted, ['title', 'secret'], false],
    ['a derived value of no fields follows the type', restricted, [], true],
    ['a derived value needs read on the type', normalisePermissions('user', [rule('post', { canUpdate: true })]), [], false],
    ['application keys read every derived value', ro, ['secret'], true],
  ])('canReadDerived: %s', (_name, permissions, sources, expected) => {
    expect(canReadDerived(permissions, 'post', sources)).toBe(expected);
  });

  it('lists denied fields in order', () => {
    expect(deniedFields(restricted, 'read', 'post', ['title', 'secret', 'slug'])).toEqual(['secret']);
    expect(deniedFields(restricted, 'update', 'post', ['slug', 'secret', 'title'])).toEqual(['slug']);
    expect(deniedFields(readPosts, 'create', 'post', ['title'])).toEqual(['title']);
  });

  it.each([
    [restricted, 'read', true],
    [readPosts, 'read', false],
    [rw, 'read', false],
  ] as const)('hasFieldRestrictions %#', (permissions, action, expected) => {
    expect(hasFieldRestrictions(permissions, action, 'post')).toBe(expected);
  });
});

describe('account-wide decisions', () => {
  it.each([
    ['rw', rw, true, true],
    ['ro', ro, false, true],
    ['user', readPosts, false, false],
  ] as const)('%s: manage schema / sees everything', (_name, permissions, manage, everything) => {
    expect(canManageSchema(permissions)).toBe(manage);
    expect(seesEverything(permissions)).toBe(everything);
  });

  it('readable types', () => {
    expect(readableTypes(readPosts, ['post', 'category', '_media'])).toEqual(['post']);
    expect(readableTypes(ro, ['post', '_media'])).toEqual(['post', '_media']);
    expect(readableTypes(none, ['post'])).toEqual([]);
  });

  it('removed list needs read and delete; upsert needs create and update', () => {
    expect(canListRemoved(merged, 'post')).toBe(true);
    expect(canListRemoved(readPosts, 'post')).toBe(false);
    expect(canUpsert(restricted, 'post')).toBe(true);
    expect(canUpsert(merged, 'post')).toBe(false);
  });

  it('normalised permissions are immutable', () => {
    expect(Object.isFrozen(restricted)).toBe(true);
    expect(Object.isFrozen(restricted.types.get('post'))).toBe(true);
  });
});
