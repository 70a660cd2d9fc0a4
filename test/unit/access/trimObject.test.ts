import { narrowedFields } from '../../../src/access/decisions';
import { normalisePermissions } from '../../../src/access/normalisePermissions';
import type { KeyRule } from '../../../src/access/permissions';
import type { ContentObject } from '../../../src/content-objects/contentObject';
import { objectTitleSources } from '../../../src/content-objects/objectTitle';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { unreadableProperties } from '../../../src/operations/readableProperties';
import { trimObject } from '../../../src/operations/trimObject';

const rule = (rights: Partial<KeyRule>): KeyRule => ({
  contentTypeDefinitionName: 'post',
  canRead: false,
  canCreate: false,
  canUpdate: false,
  canDelete: false,
  ...rights,
});

/** A CTD `post` with the given input types; `titleParts` marks `isTitlePart` properties. */
function post(inputTypes: Record<string, string>, titleParts: string[] = []): ContentTypeDefinitionInput {
  const propertiesConfig = Object.fromEntries(
    Object.entries(inputTypes).map(([name, inputType]) => [name, { label: name, inputType, unique: false, helpText: '', isTitlePart: titleParts.includes(name) }]),
  );
  return {
    name: 'post',
    label: 'Post',
    schemaDefinition: { type: 'object', allOf: [{ $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' }, { type: 'object', properties: {} }] },
    metaDefinition: { order: Object.keys(inputTypes), propertiesConfig },
  } as unknown as ContentTypeDefinitionInput;
}

const ctd = post({ title: 'text', secret: 'text', body: 'textarea' });
const object = { id: 'p-1', internal: { contentType: 'post', objectTitle: 'T' }, title: 'T', secret: 'S', body: 'B' } as unknown as ContentObject;
const reader = (fields?: KeyRule['fields']) => normalisePermissions('user', [rule({ canRead: true, fields })]);

describe('trimObject', () => {
  it.each([
    ['the RW key sees everything', normalisePermissions('rw'), ['id', 'internal', 'title', 'secret', 'body']],
    ['a reader sees everything', reader(), ['id', 'internal', 'title', 'secret', 'body']],
    ['a narrowed field is removed', reader({ secret: { read: false } }), ['id', 'internal', 'title', 'body']],
    ['a field narrowed for update only stays', reader({ secret: { update: false } }), ['id', 'internal', 'title', 'secret', 'body']],
    ['a key without read keeps only id and internal', normalisePermissions('user', [rule({ canCreate: true })]), ['id', 'internal']],
  ])('%s', (_name, permissions, keys) => {
    expect(Object.keys(trimObject(permissions, ctd, object))).toEqual(keys);
  });

  it.each([
    ['application key, no title parts', normalisePermissions('rw'), ctd, true],
    ['reader of every field', reader(), ctd, true],
    ['first text field hidden', reader({ title: { read: false } }), ctd, false],
    ['a later text field hidden (it is the title when the first is empty)', reader({ body: { read: false } }), ctd, false],
    ['only a non-text field hidden', reader({ count: { read: false } }), post({ title: 'text', count: 'number' }), true],
    ['title part hidden', reader({ name: { read: false } }), post({ name: 'text', body: 'text' }, ['name']), false],
    ['a non-title-part text field hidden', reader({ body: { read: false } }), post({ name: 'text', body: 'text' }, ['name']), true],
    ['no text field at all: the title is the id', reader({ count: { read: false } }), post({ count: 'number' }), true],
    ['update without read', normalisePermissions('user', [rule({ canUpdate: true })]), ctd, false],
    ['read-only application key', normalisePermissions('ro'), ctd, true],
  ])('internal.objectTitle: %s → shown %s', (_name, permissions, definition, shown) => {
    const trimmed = trimObject(permissions, definition, object);
    expect('objectTitle' in trimmed.internal).toBe(shown);
    expect(trimmed.internal.contentType).toBe('post');
  });

  it('title sources are the title parts, else every text-like field', () => {
    expect(objectTitleSources(post({ a: 'text', b: 'number', c: 'email', d: 'textarea', e: 'richtext' }))).toEqual(['a', 'c', 'd']);
    expect(objectTitleSources(post({ a: 'text', b: 'number', c: 'text' }, ['b', 'c']))).toEqual(['b', 'c']);
  });

  describe('a slug filled from a field follows that field', () => {
    const slugged = { ...post({ title: 'text', slug: 'text', body: 'textarea' }, ['slug']), slugs: [{ source: 'title', target: 'slug', active: false }] };
    const withSlug = { id: 'p-1', internal: { contentType: 'post', objectTitle: 's' }, title: 'T', slug: 's', body: 'B' } as unknown as ContentObject;

    it.each([
      ['the RW key sees everything', normalisePermissions('rw'), ['id', 'internal', 'title', 'slug', 'body'], true],
      ['the source hidden: the slug goes too', reader({ title: { read: false } }), ['id', 'internal', 'body'], false],
      ['the slug hidden: the source stays', reader({ slug: { read: false } }), ['id', 'internal', 'title', 'body'], false],
      ['another field hidden: the slug stays', reader({ body: { read: false } }), ['id', 'internal', 'title', 'slug'], true],
      ['the source not updatable: the slug stays', reader({ title: { update: false } }), ['id', 'internal', 'title', 'slug', 'body'], true],
    ])('%s', (_name, permissions, keys, titleShown) => {
      const trimmed = trimObject(permissions, slugged, withSlug);
      expect(Object.keys(trimmed)).toEqual(keys);
      // The title part is the slug, so the title reveals the slug's source as well.
      expect('objectTitle' in trimmed.internal).toBe(titleShown);
    });

    it('unreadableProperties adds the revealing properties to the narrowed ones, once per rights', () => {
      const permissions = reader({ title: { read: false } });
      expect([...unreadableProperties(permissions, slugged)].sort()).toEqual(['slug', 'title']);
      expect(unreadableProperties(permissions, slugged)).toBe(unreadableProperties(permissions, slugged));
      expect([...unreadableProperties(reader({ body: { read: false } }), slugged)]).toEqual(['body']);
      expect([...unreadableProperties(reader(), slugged)]).toEqual([]);
    });

    it('title sources include what a title part reveals', () => {
      expect(objectTitleSources(slugged)).toEqual(['slug', 'title']);
    });
  });

  it('never changes the object it was given', () => {
    trimObject(reader({ secret: { read: false }, title: { read: false } }), ctd, object);
    expect(object.secret).toBe('S');
    expect(object.internal.objectTitle).toBe('T');
  });

  it('narrowedFields lists only narrowed fields, none for application keys', () => {
    const permissions = normalisePermissions('user', [rule({ canRead: true, fields: { secret: { read: false }, body: { create: false } } })]);
    expect([...narrowedFields(permissions, 'read', 'post')]).toEqual(['secret']);
    expect([...narrowedFields(permissions, 'create', 'post')]).toEqual(['body']);
    expect([...narrowedFields(normalisePermissions('rw'), 'read', 'post')]).toEqual([]);
  });
});
