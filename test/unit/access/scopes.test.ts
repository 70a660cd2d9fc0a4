import { normalisePermissions } from '../../../src/access/normalisePermissions';
import {
  fieldScope,
  firstMissingScope,
  holdsScope,
  meetsRequirement,
  parseScope,
  typeScope,
  type ScopeRequirement,
} from '../../../src/access/scopes';
import type { Permissions } from '../../../src/access/permissions';
import { keyRule } from '../../support/keyRules';

const rw = normalisePermissions('rw');
const ro = normalisePermissions('ro');
const none = normalisePermissions('user', []);
const posts = normalisePermissions('user', [
  keyRule('post', { canRead: true, canCreate: true, fields: { secret: { read: false }, slug: { create: false } } }),
  keyRule('author', { canDelete: true }),
]);

describe('parseScope', () => {
  it.each([
    ['post:read', { type: 'post', action: 'read' }],
    ['_media:delete', { type: '_media', action: 'delete' }],
    ['post.title:update', { type: 'post', property: 'title', action: 'update' }],
    ['post.a:b:read', { type: 'post', property: 'a:b', action: 'read' }],
    ['post.title:delete', undefined], // no field narrowing for delete
    ['post:write', undefined],
    [':read', undefined],
    ['post.:read', undefined],
    ['.title:read', undefined],
    ['post', undefined],
    ['', undefined],
  ])('%j', (scope, expected) => {
    expect(parseScope(scope)).toEqual(expected);
  });

  it('builds what it parses', () => {
    expect(parseScope(typeScope('post', 'create'))).toEqual({ type: 'post', action: 'create' });
    expect(parseScope(fieldScope('post', 'body', 'read'))).toEqual({ type: 'post', property: 'body', action: 'read' });
  });
});

describe('holdsScope', () => {
  it.each<[string, Permissions, string, boolean]>([
    ['rw holds any type action', rw, 'brand_new:delete', true],
    ['ro holds read', ro, 'post:read', true],
    ['ro lacks create', ro, 'post:create', false],
    ['ro holds field read', ro, 'post.secret:read', true],
    ['no rules: nothing', none, 'post:read', false],
    ['rule grants read', posts, 'post:read', true],
    ['rule lacks update', posts, 'post:update', false],
    ['field read narrowed', posts, 'post.secret:read', false],
    ['other field readable', posts, 'post.title:read', true],
    ['field create narrowed', posts, 'post.slug:create', false],
    ['field read without the type right', posts, 'author.name:read', false],
    ['second rule', posts, 'author:delete', true],
    ['malformed never held, even by rw', rw, 'post:write', false],
  ])('%s', (_name, permissions, scope, expected) => {
    expect(holdsScope(permissions, scope)).toBe(expected);
  });
});

describe('meetsRequirement', () => {
  it.each<[string, Permissions, ScopeRequirement, boolean]>([
    ['one scope held', posts, [['post:read']], true],
    ['all of an alternative', posts, [['post:read', 'post.title:read']], true],
    ['one missing in the only alternative', posts, [['post:read', 'post.secret:read']], false],
    ['a later alternative', posts, [['post:update'], ['post:create']], true],
    ['no alternative held', posts, [['post:update'], ['author:read']], false],
    ['an empty alternative is always met', none, [[]], true],
    ['no alternative is never met', rw, [], false],
  ])('%s', (_name, permissions, requirement, expected) => {
    expect(meetsRequirement(permissions, requirement)).toBe(expected);
  });
});

describe('firstMissingScope', () => {
  it('names the first scope of the first alternative the key lacks', () => {
    expect(firstMissingScope(posts, [['post:read', 'post.secret:read', 'post:update']])).toEqual({ type: 'post', property: 'secret', action: 'read' });
    expect(firstMissingScope(posts, [['post:read']])).toBeUndefined();
  });
});
