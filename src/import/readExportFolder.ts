import fs from 'node:fs';
import path from 'node:path';

/** One content type of an export folder: its CTD and its objects. */
export interface ExportedType {
  folder: string;
  definition: Record<string, unknown>;
  objects: Record<string, unknown>[];
}

/**
 * Reads a Flotiq export folder (spec §6.2) in either layout: `ContentType{Camel}/` and
 * `InternalContentType{Camel}/` with `ContentTypeDefinition.json` and NDJSON `contentObject*.json`
 * (a line may hold one object or an array of objects), or the older `ContentType1/` with one
 * pretty JSON object per `contentObject01.json` file.
 */
export function readExportFolder(root: string): ExportedType[] {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`Not a folder: ${root}`);
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^(Internal)?ContentType/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return folders.map((folder) => {
    const dir = path.join(root, folder);
    const definitionFile = path.join(dir, 'ContentTypeDefinition.json');
    if (!fs.existsSync(definitionFile)) throw new Error(`${folder} has no ContentTypeDefinition.json`);
    const definition = parseJson(definitionFile, fs.readFileSync(definitionFile, 'utf8')) as Record<string, unknown>;
    const objectFiles = fs
      .readdirSync(dir)
      .filter((name) => /^contentObject.*\.json$/.test(name))
      .sort();
    const objects = objectFiles.flatMap((name) => readObjects(path.join(dir, name)));
    return { folder, definition, objects };
  });
}

function readObjects(file: string): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text === '') return [];
  // Older layout: one pretty-printed object (or array) per file.
  try {
    return flatten(JSON.parse(text));
  } catch {
    // NDJSON: one object or array per line.
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .flatMap(({ line, index }) => flatten(parseJson(`${file}:${index + 1}`, line)));
}

function flatten(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function parseJson(where: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: invalid JSON (${(error as Error).message})`);
  }
}
