/**
 * Every name the GraphQL generator derives from a content type, in one place.
 *
 * - The object type and the read root fields keep Flotiq's legacy names: type `blogpost`, query
 *   fields `blogpost(id)` and `blogpostList(...)`, plus `blogpostCount(...)`.
 * - Everything else starts from the name with its first letter capitalised (`Blogpost`), which no
 *   CTD can be called (CTD names are lower case), so generated names never collide with CTD types:
 *   `createBlogpost`, `updateBlogpost`, `deleteBlogpost`, `BlogpostInput`, `BlogpostPatchInput`,
 *   `BlogpostFilter`, nested object-list types `Blogpost_sections` and inputs `Blogpost_sectionsInput`.
 * - A property name GraphQL cannot express (it starts with a digit) becomes `_` + name; a filter path
 *   such as `internal.createdAt` or `categories[*].dataUrl` becomes `internal__createdAt` /
 *   `categories__dataUrl`.
 * - Shared types (`ObjectInternal`, `DataSource`, `Geo`, `JSON`, `DateTime`, `FilterOperator`, …)
 *   all contain capitals, so they cannot collide with CTD names either.
 */
export interface ContentTypeNames {
  type: string;
  getField: string;
  listField: string;
  countField: string;
  createMutation: string;
  updateMutation: string;
  deleteMutation: string;
  createInput: string;
  patchInput: string;
  filterInput: string;
}

/** The names of one content type's generated schema elements. */
export function contentTypeNames(ctdName: string): ContentTypeNames {
  const cap = capitalise(ctdName);
  return {
    type: ctdName,
    getField: ctdName,
    listField: `${ctdName}List`,
    countField: `${ctdName}Count`,
    createMutation: `create${cap}`,
    updateMutation: `update${cap}`,
    deleteMutation: `delete${cap}`,
    createInput: `${cap}Input`,
    patchInput: `${cap}PatchInput`,
    filterInput: `${cap}Filter`,
  };
}

/** Name of the output type of an object-list property (`Recipe_steps`, nested: `Recipe_steps_images`). */
export function nestedTypeName(parentTypeName: string, property: string): string {
  return `${capitalise(parentTypeName)}_${property}`;
}

/** Name of the input type of an object-list property. */
export function nestedInputName(parentTypeName: string, property: string): string {
  return `${nestedTypeName(parentTypeName, property)}Input`;
}

/** The GraphQL field name of a CTD property. */
export function fieldName(property: string): string {
  return /^[_A-Za-z]/.test(property) ? property : `_${property}`;
}

/** The filter-input field name of a catalog path. */
export function filterFieldName(path: string): string {
  return fieldName(path.replace(/\[\*\]/g, '').replace(/\./g, '__'));
}

/** First letter upper-cased, after any leading underscores (`_media` → `_Media`). */
export function capitalise(name: string): string {
  const index = name.search(/[^_]/);
  if (index < 0) return name;
  return name.slice(0, index) + name.charAt(index).toUpperCase() + name.slice(index + 1);
}
