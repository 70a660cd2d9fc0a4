import type { AccountContent } from '../accounts/accountContent';
import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import { planMediaFiles, storeMediaFile } from './mediaFolderFiles';
import { readExportFolder, type ExportedType } from './readExportFolder';
import { relationBearingProperties, relaxDefinition } from './relaxDefinition';

/** Progress of an import, for a progress bar. */
export interface ImportProgress {
  phase: 'content types' | 'objects' | 'files' | 'relations' | 'restore';
  done: number;
  total: number;
}

/** What an import did. */
export interface ImportSummary {
  contentTypes: number;
  objects: number;
  /** Media files stored (files the account already held with the same bytes are not counted). */
  files: number;
}

/**
 * Imports a Flotiq export folder into an account through the ordinary services, in passes so that
 * relations resolve: (1) CTDs with relations relaxed, (2) objects without their relation-bearing
 * fields, (3) the files of `_media` objects the folder has, (4) the relation fields, (5) the
 * original CTDs. Every file is checked before anything is written (`planMediaFiles`); a file is
 * stored after its object, so an interrupted import is finished by running it again. Existing
 * types and objects are updated and files already held are kept, so running an import twice
 * leaves the same result.
 */
export async function importExportFolder(
  content: AccountContent,
  folder: string,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  const types = readExportFolder(folder);
  const total = types.reduce((sum, t) => sum + t.objects.length, 0);
  const files = await planMediaFiles(content, folder, types);

  let done = 0;
  for (const type of types) {
    await upsertType(content, relaxDefinition(type.definition as unknown as ContentTypeDefinitionInput));
    onProgress({ phase: 'content types', done: ++done, total: types.length });
  }

  done = 0;
  for (const type of types) {
    const bearing = relationBearingProperties(type.definition as unknown as ContentTypeDefinitionInput);
    for (const object of type.objects) {
      await upsertObject(content, type, withoutKeys(object, bearing));
      onProgress({ phase: 'objects', done: ++done, total });
    }
  }

  done = 0;
  for (const file of files) {
    await storeMediaFile(content, file);
    onProgress({ phase: 'files', done: ++done, total: files.length });
  }

  done = 0;
  for (const type of types) {
    const bearing = relationBearingProperties(type.definition as unknown as ContentTypeDefinitionInput);
    for (const object of type.objects) {
      const relations = onlyKeys(object, bearing);
      if (Object.keys(relations).length) await content.objects.patch(typeName(type), String(object.id), relations);
      onProgress({ phase: 'relations', done: ++done, total });
    }
  }

  done = 0;
  for (const type of types) {
    await upsertType(content, type.definition);
    onProgress({ phase: 'restore', done: ++done, total: types.length });
  }
  return { contentTypes: types.length, objects: total, files: files.length };
}

function typeName(type: ExportedType): string {
  return String(type.definition.name);
}

async function upsertType(content: AccountContent, definition: unknown): Promise<void> {
  const name = String((definition as { name?: unknown }).name);
  if (await content.contentTypes.find(name)) await content.contentTypes.update(name, definition);
  else await content.contentTypes.create(definition);
}

async function upsertObject(content: AccountContent, type: ExportedType, object: Record<string, unknown>): Promise<void> {
  const { internal: _internal, ...body } = object;
  await content.objects.upsert(typeName(type), body);
}

function withoutKeys(object: Record<string, unknown>, keys: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.has(key)));
}

function onlyKeys(object: Record<string, unknown>, keys: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => keys.has(key)));
}
