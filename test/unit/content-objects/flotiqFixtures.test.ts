import fs from 'node:fs';
import path from 'node:path';
import { FLOTIQ_FIXTURES } from '../../support/fixtures';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { collectReferences } from '../../../src/content-objects/validation/metaRules';
import { validateObjectData } from '../../../src/content-objects/validation/validateObjectData';

/** Real Flotiq exports: every exported object must validate against its exported CTD. */

const FIXTURES_ROOT = FLOTIQ_FIXTURES;

interface FixtureObject {
  label: string;
  ctd: ContentTypeDefinitionInput;
  object: Record<string, unknown>;
}

function loadFixtureObjects(): FixtureObject[] {
  const found: FixtureObject[] = [];
  for (const project of fs.readdirSync(FIXTURES_ROOT)) {
    for (const typeDir of fs.readdirSync(path.join(FIXTURES_ROOT, project))) {
      const dir = path.join(FIXTURES_ROOT, project, typeDir);
      const ctd = JSON.parse(fs.readFileSync(path.join(dir, 'ContentTypeDefinition.json'), 'utf8')) as ContentTypeDefinitionInput;
      for (const file of fs.readdirSync(dir).filter((name) => /^contentObject.*\.json$/.test(name))) {
        const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
        for (const line of lines) {
          const object = JSON.parse(line) as Record<string, unknown>;
          found.push({ label: `${project}/${typeDir} ${String(object.id)}`, ctd, object });
        }
      }
    }
  }
  return found;
}

const fixtureObjects = loadFixtureObjects();

describe('the shared Flotiq export fixtures', () => {
  it('are all found (blog and recipe, media included)', () => {
    expect(fixtureObjects.length).toBeGreaterThanOrEqual(15);
    expect(new Set(fixtureObjects.map((f) => f.ctd.name))).toEqual(new Set(['_media', 'blogpost', 'recipe']));
  });

  it.each(fixtureObjects.map((f) => [f.label, f] as const))('%s validates with zero errors (full)', (_label, fixture) => {
    expect(validateObjectData(fixture.ctd, fixture.object, 'full')).toEqual({});
  });

  it.each(fixtureObjects.map((f) => [f.label, f] as const))('%s validates with zero errors (patch)', (_label, fixture) => {
    expect(validateObjectData(fixture.ctd, fixture.object, 'patch')).toEqual({});
  });

  it('still rejects a fixture object once it is broken (recipe ingredient amount as text)', () => {
    const recipe = fixtureObjects.find((f) => f.object.id === 'recipe-1');
    expect(recipe).toBeDefined();
    const broken = JSON.parse(JSON.stringify(recipe!.object)) as { ingredients: { amount: unknown; unit: unknown }[] };
    broken.ingredients[2].amount = 'one';
    broken.ingredients[3].unit = 'handful';
    expect(validateObjectData(recipe!.ctd, broken, 'full')).toEqual({
      'ingredients[2].amount': ['String value found, but a number is required'],
      'ingredients[3].unit': ['The value does not match possible options'],
    });
  });

  it('collects the recipe relations, nested step images included, with their field paths', () => {
    const recipe = fixtureObjects.find((f) => f.object.id === 'recipe-2');
    expect(collectReferences(recipe!.ctd, recipe!.object)).toEqual([
      { field: 'image', type: '_media', id: '_media-621bb9cd-84d2-45ab-8fc4-9e1a8936b870' },
      { field: 'steps[0].image', type: '_media', id: '_media-74a2f308-f1d4-4b9b-a6d8-f29233d7d666' },
      { field: 'steps[1].image', type: '_media', id: '_media-74a72e0f-7545-4194-b01f-0c989e871a95' },
    ]);
  });
});
