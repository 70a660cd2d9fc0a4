import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FLOTIQ_FIXTURES } from '../../support/fixtures';
import { isSystemTypeName, SYSTEM_CONTENT_TYPES } from '../../../src/content-types/systemTypes';
import {
  validateContentTypeDefinition,
  type CtdValidationContext,
} from '../../../src/content-types/validateContentTypeDefinition';

const MEDIA_FIXTURE = path.join(FLOTIQ_FIXTURES, 'blog/InternalContentTypeMedia/ContentTypeDefinition.json');

/** A context that knows no types at all: system relations must still resolve. */
const emptyWorld: CtdValidationContext = { relationTargetExists: () => false, isCreate: true };

const byName = (name: string) => {
  const found = SYSTEM_CONTENT_TYPES.find((ctd) => ctd.name === name);
  if (!found) throw new Error(`no system type ${name}`);
  return found;
};

describe('system content types', () => {
  it('are _media and _tag', () => {
    expect(SYSTEM_CONTENT_TYPES.map((ctd) => ctd.name)).toEqual(['_media', '_tag']);
  });

  it('_media is exactly the exported fixture', () => {
    expect(byName('_media')).toEqual(JSON.parse(readFileSync(MEDIA_FIXTURE, 'utf8')));
  });

  it('_tag has one required, non-empty name', () => {
    const tag = byName('_tag');
    expect(tag).toMatchObject({ label: 'Tag (internal)', internal: true });
    expect(tag.schemaDefinition.allOf[1].properties).toEqual({ name: { type: 'string', minLength: 1 } });
    expect(tag.schemaDefinition.required).toEqual(['name']);
    expect(tag.metaDefinition).toEqual({
      propertiesConfig: { name: { label: 'Name', unique: true, inputType: 'text', isTitlePart: true } },
      order: ['name'],
    });
  });

  it.each(SYSTEM_CONTENT_TYPES.map((ctd) => [ctd.name, ctd] as const))('%s validates as a system type', (_, ctd) => {
    const result = validateContentTypeDefinition(ctd, { ...emptyWorld, allowSystemName: true });
    expect(result).toEqual({
      ok: true,
      value: { ...ctd, internal: true, draftPublic: false, featuredImage: [], slugs: [] },
    });
  });

  it.each(SYSTEM_CONTENT_TYPES.map((ctd) => [ctd.name, ctd] as const))('%s is refused as a user type', (_, ctd) => {
    expect(validateContentTypeDefinition(ctd, emptyWorld)).toEqual({
      ok: false,
      errors: { name: ['This value is not valid.'] },
    });
  });

  it('are deep-frozen', () => {
    for (const ctd of SYSTEM_CONTENT_TYPES) {
      expect(Object.isFrozen(ctd)).toBe(true);
      expect(Object.isFrozen(ctd.metaDefinition.propertiesConfig)).toBe(true);
      expect(Object.isFrozen(ctd.schemaDefinition.allOf[1].properties)).toBe(true);
    }
    expect(Object.isFrozen(SYSTEM_CONTENT_TYPES)).toBe(true);
  });

  it.each<[string, boolean]>([
    ['_media', true],
    ['_tag', true],
    ['_webhooks', false],
    ['media', false],
    ['blogpost', false],
    ['', false],
  ])('isSystemTypeName(%j) is %s', (name, expected) => {
    expect(isSystemTypeName(name)).toBe(expected);
  });
});
