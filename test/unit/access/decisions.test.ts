import {
  canListRemoved,
  canManageSchema,
  canPerform,
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
    ['a field right cannot widen the type', 'create', 'title', true],
  ])('%s', (_name, action, field, expected) => {
    expect(canUseField(restricted, action, 'post', field)).toBe(expected);
  });

  it('a field right true does not grant what the type lacks', () => {
    const widen = normalisePermissions('user', [rule('post', { canRead: true, fields: { title: { update: true } } })]);
    expect(canUseField(widen, 'update', 'post', 'title')).toBe(false);
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
