import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/config';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { SYSTEM_CONTENT_TYPES } from '../content-types/systemTypes';
import { validateContentTypeDefinition } from '../content-types/validateContentTypeDefinition';

/**
 * The fixture accounts whose printed SDL is kept under `schema/<name>.graphql` (and from whose
 * `everything` snapshot `src/generated/graphql.ts` is generated). Every account has the system
 * types plus the CTDs read from the test fixtures, validated exactly as the API would validate them.
 * Ids and timestamps are fixed so the same inputs always give the same objects.
 */
export interface FixtureAccount {
  name: string;
  ctds: ContentTypeDefinition[];
}

/** Folder of the SDL snapshots, relative to the project root. */
const SCHEMA_SNAPSHOT_DIR = 'schema';

/** Where the snapshot of a fixture account lives (absolute). */
export function snapshotPath(fixtureName: string, root: string = PROJECT_ROOT): string {
  return path.join(root, SCHEMA_SNAPSHOT_DIR, `${fixtureName}.graphql`);
}

/** Fixture CTD files per account (paths relative to the project root), on top of the system types. */
const FIXTURE_FILES: readonly { name: string; files: readonly string[] }[] = [
  { name: 'blog', files: ['test/fixtures/flotiq/blog/ContentTypeBlogpost/ContentTypeDefinition.json'] },
  { name: 'recipe', files: ['test/fixtures/flotiq/recipe/ContentTypeRecipe/ContentTypeDefinition.json'] },
  {
    name: 'everything',
    files: ['test/fixtures/content-types/category.json', 'test/fixtures/content-types/everything.json'],
  },
];

/** The fixed timestamp every fixture CTD carries (Flotiq's date format). */
const FIXED_TIMESTAMP = '2024-01-01 00:00:00';

/** The fixture accounts, in a fixed order. */
export function fixtureAccounts(root: string = PROJECT_ROOT): FixtureAccount[] {
  return FIXTURE_FILES.map(({ name, files }) => {
    const inputs: FixtureInput[] = [
      ...SYSTEM_CONTENT_TYPES.map((ctd) => ({ source: `SYSTEM_CONTENT_TYPES/${ctd.name}`, input: ctd, system: true })),
      ...files.map((file) => ({ source: file, input: readJson(path.join(root, file)), system: false })),
    ];
    const names = new Set(inputs.map(({ input }) => (input as { name?: unknown }).name).filter((n) => typeof n === 'string'));
    const ctds = inputs.map((fixture, index) => toDefinition(fixture, names, index));
    return { name, ctds };
  });
}

interface FixtureInput {
  /** Where the payload came from (for error messages). */
  source: string;
  input: unknown;
  /** A system type: validated with `allowSystemName` (user fixtures are validated as user types). */
  system: boolean;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** Validates one CTD payload as an account holding `names` would, and gives it a stable identity. */
function toDefinition({ source, input, system }: FixtureInput, names: ReadonlySet<unknown>, index: number): ContentTypeDefinition {
  const result = validateContentTypeDefinition(input, {
    relationTargetExists: (target) => names.has(target),
    isCreate: true,
    allowSystemName: system,
  });
  if (!result.ok) {
    throw new Error(`fixture CTD ${source} is invalid: ${JSON.stringify(result.errors)}`);
  }
  const value = result.value;
  return {
    ...value,
    id: `fixture-${String(index + 1).padStart(4, '0')}-${value.name}`,
    internal: value.internal ?? false,
    createdAt: FIXED_TIMESTAMP,
    updatedAt: FIXED_TIMESTAMP,
    deletedAt: null,
    version: 1,
  };
}
