import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFromCurrentRecipe, FERRETDB_RECIPE, recipeFileOf } from '../../../src/database/embedded/buildFerretdb';

describe('FerretDB build recipe', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-recipe-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    { name: 'the current recipe', recipe: `${FERRETDB_RECIPE}\n`, current: true },
    { name: 'the release without the patch', recipe: 'v1.24.2\n', current: false },
    { name: 'another recipe', recipe: 'v1.24.2+other\n', current: false },
    { name: 'no recipe file (built before recipes)', recipe: undefined, current: false },
  ])('a binary recorded with $name is current: $current', ({ name, recipe, current }) => {
    const binary = path.join(dir, name.replace(/\W+/g, '-'));
    fs.writeFileSync(binary, '');
    if (recipe !== undefined) fs.writeFileSync(recipeFileOf(binary), recipe);
    expect(builtFromCurrentRecipe(binary)).toBe(current);
  });
});
