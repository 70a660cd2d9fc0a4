import fs from 'node:fs';
import path from 'node:path';
import type { AccountContent } from '../accounts/accountContent';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { MEDIA_TYPE } from '../media/mediaKinds';
import type { ImportProgress } from './importExportFolder';
import { exportMediaFiles } from './mediaFolderFiles';

/** The folder name Flotiq's CLI gives a type: `ContentTypeBlogpost`, `InternalContentTypeMedia`. */
export function exportFolderName(ctd: Pick<ContentTypeDefinition, 'name' | 'internal'>): string {
  const camel = ctd.name
    .split('_')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `${ctd.internal ? 'Internal' : ''}ContentType${camel}`;
}

/**
 * Writes an account as a Flotiq export folder (spec §6.2): per type `ContentTypeDefinition.json`
 * (pretty JSON, without server fields) and `contentObject{Camel}.json` (NDJSON, one object per line,
 * oldest first, without `internal`). User types are always written, system types when they hold
 * objects. The file of each `_media` object is written beside its objects as `{id}.{extension}`
 * (flotiq-cli's layout). Files are replaced, so exporting twice gives the same folder.
 */
export async function exportAccount(
  content: AccountContent,
  folder: string,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<{ contentTypes: number; objects: number; files: number }> {
  const ctds = await content.contentTypes.all();
  const counts = new Map<string, number>();
  for (const ctd of ctds) counts.set(ctd.name, await content.objects.countLive(ctd.name));
  const chosen = ctds.filter((ctd) => !ctd.internal || (counts.get(ctd.name) ?? 0) > 0);
  const total = chosen.reduce((sum, ctd) => sum + (counts.get(ctd.name) ?? 0), 0);
  fs.mkdirSync(folder, { recursive: true });
  let done = 0;
  let files = 0;
  for (const ctd of chosen) {
    const dir = path.join(folder, exportFolderName(ctd));
    fs.mkdirSync(dir, { recursive: true });
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, version: _v, ...definition } = ctd;
    fs.writeFileSync(path.join(dir, 'ContentTypeDefinition.json'), `${JSON.stringify(definition, null, 2)}\n`);
    const lines: string[] = [];
    const exported: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const result = await content.objects.list(ctd.name, { page, limit: 1000, orderBy: 'internal.createdAt', orderDirection: 'asc' }, { withTotal: false });
      for (const object of result.items) {
        const { internal: _internal, ...rest } = object;
        lines.push(JSON.stringify(rest));
        if (ctd.name === MEDIA_TYPE) exported.push(rest);
        onProgress({ phase: 'objects', done: ++done, total });
      }
      if (result.items.length < 1000) break;
    }
    const objectFile = path.join(dir, `contentObject${exportFolderName({ name: ctd.name, internal: false }).slice('ContentType'.length)}.json`);
    fs.writeFileSync(objectFile, lines.length ? `${lines.join('\n')}\n` : '');
    files += await exportMediaFiles(content, dir, exported);
  }
  return { contentTypes: chosen.length, objects: total, files };
}
