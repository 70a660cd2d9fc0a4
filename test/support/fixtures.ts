import fs from 'node:fs';
import path from 'node:path';

/** Real Flotiq export folders, kept in this repository (a clone alone must pass its tests). */
export const FLOTIQ_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'flotiq');

/** A fixture CTD from test/fixtures/content-types. */
export function fixtureContentType(name: string): Record<string, unknown> {
  const file = path.resolve(__dirname, '..', 'fixtures', 'content-types', `${name}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The objects of an NDJSON export file. */
export function readNdjson(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const parsed = JSON.parse(line) as unknown;
      return (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    });
}
