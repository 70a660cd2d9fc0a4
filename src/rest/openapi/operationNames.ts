/**
 * Operation-id stems of content types, Flotiq 3.0 style (`blogpost` → `listBlogpost`,
 * `createBlogpost`, …; `blog_post` → `BlogPost`; `_media` → `Media`). Ids must be unique in a
 * document, and the pretty form is not (`blog_post`/`blog__post`, `media`/`_media`, `content_type`
 * vs. the CTD operations' `ContentType`), so a type whose pretty stem is taken keeps its
 * underscores instead (`Blog__Post`, `_Media`) — a form that differs for every distinct name.
 */

/** The verbs of per-type operations; with a stem they form the operation ids. */
export const CONTENT_VERBS = [
  'list',
  'get',
  'create',
  'update',
  'patch',
  'delete',
  'batchCreate',
  'batchPatch',
  'batchDelete',
  'getRemoved',
] as const;

/**
 * Stems for `typeNames`, none of whose operation ids is in `reserved` or used by another type.
 * Names with fewer `_` are assigned first (user types before system ones, `blog_post` before
 * `blog__post`); names without any come first of all, since their pretty stem is also their
 * underscore-keeping one and could not fall back to another.
 */
export function operationStems(typeNames: readonly string[], reserved: ReadonlySet<string>): Map<string, string> {
  const used = new Set(reserved);
  const stems = new Map<string, string>();
  const underscores = (name: string) => name.split('_').length - 1;
  const ordered = [...typeNames].sort((a, b) => underscores(a) - underscores(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of ordered) {
    const pretty = prettyStem(name);
    const stem = CONTENT_VERBS.some((verb) => used.has(verb + pretty)) ? exactStem(name) : pretty;
    for (const verb of CONTENT_VERBS) used.add(verb + stem);
    stems.set(name, stem);
  }
  return stems;
}

/** `blog_post` → `BlogPost`, `_media` → `Media`. */
function prettyStem(name: string): string {
  return name
    .split('_')
    .filter((part) => part !== '')
    .map(capitalise)
    .join('');
}

/** `blog__post` → `Blog__Post`, `_media` → `_Media`: every letter after the start or an `_` upper-cased. */
function exactStem(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

function capitalise(part: string): string {
  return part.charAt(0).toUpperCase() + part.slice(1);
}
