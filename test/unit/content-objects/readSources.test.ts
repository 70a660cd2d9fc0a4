import type { ContentTypeDefinitionInput, SlugRule } from '../../../src/content-types/contentTypeDefinition';
import { derivedProperties, readSources } from '../../../src/content-objects/readSources';

/** A CTD with only the slug rules `readSources` looks at. */
const withSlugs = (slugs?: SlugRule[]) => ({ name: 'post', slugs }) as unknown as ContentTypeDefinitionInput;
const rule = (source: string, target: string, active = true): SlugRule => ({ source, target, active });

describe('readSources: what a property value reveals', () => {
  it.each<[string, SlugRule[] | undefined, string, string[]]>([
    ['no slug rules', undefined, 'slug', ['slug']],
    ['an empty rule list', [], 'title', ['title']],
    ['a slug target reveals its source', [rule('title', 'slug')], 'slug', ['slug', 'title']],
    ['the source reveals nothing more', [rule('title', 'slug')], 'title', ['title']],
    ['an unrelated property', [rule('title', 'slug')], 'body', ['body']],
    ['an inactive rule still counts (stored values may stem from it)', [rule('title', 'slug', false)], 'slug', ['slug', 'title']],
    ['several rules on one target', [rule('title', 'slug'), rule('name', 'slug', false)], 'slug', ['slug', 'title', 'name']],
    ['a chain is followed', [rule('title', 'short'), rule('short', 'slug')], 'slug', ['slug', 'short', 'title']],
    ['a chain is followed whatever the rule order', [rule('short', 'slug'), rule('title', 'short')], 'slug', ['slug', 'short', 'title']],
    ['a cycle ends', [rule('a', 'b'), rule('b', 'a')], 'a', ['a', 'b']],
    ['a rule onto itself adds nothing', [rule('slug', 'slug')], 'slug', ['slug']],
    ['a source named twice is listed once', [rule('title', 'slug'), rule('title', 'slug', false)], 'slug', ['slug', 'title']],
  ])('%s', (_name, slugs, property, expected) => {
    expect(readSources(withSlugs(slugs), property)).toEqual(expected);
  });

  it('derivedProperties lists only the targets that reveal something', () => {
    const ctd = withSlugs([rule('title', 'slug'), rule('slug', 'slug'), rule('x', 'x')]);
    expect([...derivedProperties(ctd)]).toEqual([['slug', ['slug', 'title']]]);
    expect(derivedProperties(ctd)).toBe(derivedProperties(ctd));
  });
});
