import { narrowedFields } from '../../../src/access/decisions';
import { normalisePermissions } from '../../../src/access/normalisePermissions';
import type { KeyRule } from '../../../src/access/permissions';
import type { ContentObject } from '../../../src/content-objects/contentObject';
import { trimObject } from '../../../src/operations/trimObject';

const rule = (rights: Partial<KeyRule>): KeyRule => ({
  contentTypeDefinitionName: 'post',
  canRead: false,
  canCreate: false,
  canUpdate: false,
  canDelete: false,
  ...rights,
});
const object = { id: 'p-1', internal: { contentType: 'post' }, title: 'T', secret: 'S', body: 'B' } as unknown as ContentObject;

describe('trimObject', () => {
  it.each([
    ['the RW key sees everything', normalisePermissions('rw'), ['id', 'internal', 'title', 'secret', 'body']],
    ['a reader sees everything', normalisePermissions('user', [rule({ canRead: true })]), ['id', 'internal', 'title', 'secret', 'body']],
    ['a narrowed field is removed', normalisePermissions('user', [rule({ canRead: true, fields: { secret: { read: false } } })]), ['id', 'internal', 'title', 'body']],
    ['a field narrowed for update only stays', normalisePermissions('user', [rule({ canRead: true, fields: { secret: { update: false } } })]), ['id', 'internal', 'title', 'secret', 'body']],
    ['a key without read keeps only id and internal', normalisePermissions('user', [rule({ canCreate: true })]), ['id', 'internal']],
  ])('%s', (_name, permissions, keys) => {
    expect(Object.keys(trimObject(permissions, 'post', object))).toEqual(keys);
  });

  it('never changes the object it was given', () => {
    trimObject(normalisePermissions('user', [rule({ canRead: true, fields: { secret: { read: false } } })]), 'post', object);
    expect(object.secret).toBe('S');
  });

  it('narrowedFields lists only narrowed fields, none for application keys', () => {
    const permissions = normalisePermissions('user', [rule({ canRead: true, fields: { secret: { read: false }, body: { create: false } } })]);
    expect([...narrowedFields(permissions, 'read', 'post')]).toEqual(['secret']);
    expect([...narrowedFields(permissions, 'create', 'post')]).toEqual(['body']);
    expect([...narrowedFields(normalisePermissions('rw'), 'read', 'post')]).toEqual([]);
  });
});
