import type { ContentTypeDefinitionInput, PropertyConfig } from '../../content-types/contentTypeDefinition';
import type { FieldErrors } from '../../errors/appError';
import { parseDataUrl } from '../dataUrl';
import { FieldErrorCollector, itemPath, propertyPath } from './flotiqMessages';
import { isJsonObject } from './safeValue';

/**
 * The content-object rules that live in `metaDefinition` and that JSON Schema cannot express:
 * select/radio options, e-mail format, allowed editor.js block types and the shape, type and count
 * of relation references (several only with `relationMultiple: true`). Values of the wrong JSON type
 * are skipped here (ajv reports them).
 * Object lists (`inputType: object`, nested meta in `items`) and `custom` objects carrying their own
 * `propertiesConfig` (e.g. `_media.variants[].trim`) are checked recursively. Errors are keyed by
 * the field's path (see `flotiqMessages.ts`). Whether a referenced object exists is not decided
 * here: the service looks the `collectReferences` result up in the database.
 */

/** Flotiq's message for a select/radio value outside the options. */
export const OPTIONS_MESSAGE = 'The value does not match possible options';
/** The message for an e-mail field that is not an address. */
export const EMAIL_MESSAGE = 'Invalid email';
/** The message for a dataUrl that is not `/api/v1/content/{type}/{id}`. */
export const RELATION_FORMAT_MESSAGE = 'Wrong relation format, expected /api/v1/content/{type}/{id}';
/** Flotiq's message for a second reference in a relation without `relationMultiple: true`. */
export const SINGLE_RELATION_MESSAGE = 'There must be a maximum of 1 items in the array';
/** The editor.js block type that every block field accepts. */
export const ALWAYS_ALLOWED_BLOCK_TYPE = 'paragraph';

/** One relation reference found in a body: the field path holding it and its target. */
export interface RelationReference {
  field: string;
  type: string;
  id: string;
}

/** Flotiq's message for a block whose type the field does not allow. */
export function blockTypeMessage(type: string, index: number): string {
  return `One of the block types (${type} on index ${index}) does not match possible types`;
}

/** The message for a reference to an object of the wrong type. */
export function relationTypeMessage(expectedType: string): string {
  return `Wrong relation type, expected ${expectedType}`;
}

/** Decides which meta-definition rules a body (a JSON object) breaks; `{}` means none. */
export function checkMetaRules(
  ctd: Pick<ContentTypeDefinitionInput, 'metaDefinition'>,
  data: Record<string, unknown>,
): FieldErrors {
  const collector = new FieldErrorCollector();
  walkFields(ctd.metaDefinition?.propertiesConfig, data, '', (config, value, path) => {
    switch (config.inputType) {
      case 'select':
      case 'radio':
        checkOptions(config, value, path, collector);
        break;
      case 'email':
        checkEmail(value, path, collector);
        break;
      case 'block':
        checkBlockTypes(config, value, path, collector);
        break;
      case 'datasource':
        checkRelations(config, value, path, collector);
        break;
      default:
        break;
    }
  });
  return collector.toFieldErrors();
}

/**
 * Every well-formed relation reference in a body, object lists included, in document order, so the
 * service can check existence with one query per type. Malformed dataUrls are left out
 * (`checkMetaRules` reports them).
 */
export function collectReferences(
  ctd: Pick<ContentTypeDefinitionInput, 'metaDefinition'>,
  data: unknown,
): RelationReference[] {
  const references: RelationReference[] = [];
  if (!isJsonObject(data)) return references;
  walkFields(ctd.metaDefinition?.propertiesConfig, data, '', (config, value, field) => {
    if (config.inputType !== 'datasource' || !Array.isArray(value)) return;
    for (const item of value) {
      const target = isJsonObject(item) ? parseDataUrl(item.dataUrl) : undefined;
      if (target) references.push({ field, type: target.type, id: target.id });
    }
  });
  return references;
}

const EMAIL_LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Dot-separated labels ending in a top-level domain that has a letter. */
const EMAIL_DOMAIN = new RegExp(`^(?:${EMAIL_DOMAIN_LABEL}\\.)+(?=[A-Za-z0-9-]*[A-Za-z])${EMAIL_DOMAIN_LABEL}$`);

/** Whether a string is an e-mail address (local@domain.tld; no spaces, no empty or doubled dots). */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  return local.length <= 64 && EMAIL_LOCAL_PART.test(local) && EMAIL_DOMAIN.test(value.slice(at + 1));
}

type FieldVisitor = (config: PropertyConfig, value: unknown, path: string) => void;

/** Calls `visit` for every configured property present in `object`, descending into nested meta. */
function walkFields(
  configs: Record<string, PropertyConfig> | undefined,
  object: Record<string, unknown>,
  parent: string,
  visit: FieldVisitor,
): void {
  if (!isJsonObject(configs)) return;
  for (const [name, config] of Object.entries(configs)) {
    if (!isJsonObject(config) || !Object.prototype.hasOwnProperty.call(object, name)) continue;
    const value = object[name];
    const path = propertyPath(parent, name);
    visit(config, value, path);
    const nested = config.items?.propertiesConfig ?? config.propertiesConfig;
    if (!nested) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isJsonObject(item)) walkFields(nested, item, itemPath(path, index), visit);
      });
    } else if (isJsonObject(value) && config.inputType !== 'object') {
      walkFields(nested, value, path, visit);
    }
  }
}

/** The option values a select/radio accepts, or undefined when it defines none (then anything goes). */
function allowedOptions(config: PropertyConfig): string[] | undefined {
  const plain = Array.isArray(config.options) ? config.options.filter(isString) : [];
  const labelled = Array.isArray(config.optionsWithLabels)
    ? config.optionsWithLabels.map((option) => (isJsonObject(option) ? option.value : undefined)).filter(isString)
    : [];
  const [preferred, fallback] = config.useOptionsWithLabels ? [labelled, plain] : [plain, labelled];
  const chosen = preferred.length > 0 ? preferred : fallback;
  return chosen.length > 0 ? chosen : undefined;
}

function checkOptions(config: PropertyConfig, value: unknown, path: string, collector: FieldErrorCollector): void {
  const allowed = allowedOptions(config);
  if (!allowed) return;
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => isString(v) && !allowed.includes(v))) collector.add(path, OPTIONS_MESSAGE);
}

function checkEmail(value: unknown, path: string, collector: FieldErrorCollector): void {
  // An empty string is "no address" (optional field left blank); `required`/`minLength` decide if that is allowed.
  if (isString(value) && value !== '' && !isEmailAddress(value)) collector.add(path, EMAIL_MESSAGE);
}

function checkBlockTypes(config: PropertyConfig, value: unknown, path: string, collector: FieldErrorCollector): void {
  // No `blockEditorTypes` at all: the field predates the setting and accepts every block type.
  if (!Array.isArray(config.blockEditorTypes) || !isJsonObject(value) || !Array.isArray(value.blocks)) return;
  const allowed = new Set([ALWAYS_ALLOWED_BLOCK_TYPE, ...config.blockEditorTypes]);
  value.blocks.forEach((block, index) => {
    if (isJsonObject(block) && isString(block.type) && !allowed.has(block.type)) {
      collector.add(path, blockTypeMessage(block.type, index));
    }
  });
}

function checkRelations(config: PropertyConfig, value: unknown, path: string, collector: FieldErrorCollector): void {
  if (!Array.isArray(value)) return;
  const validation = isJsonObject(config.validation) ? config.validation : {};
  // Only `relationMultiple: true` takes several references; false or absent means at most one (Flotiq).
  if (validation.relationMultiple !== true && value.length > 1) {
    collector.add(path, SINGLE_RELATION_MESSAGE);
  }
  const expectedType = isString(validation.relationContenttype) ? validation.relationContenttype : '';
  for (const item of value) {
    if (!isJsonObject(item) || !isString(item.dataUrl)) continue;
    const target = parseDataUrl(item.dataUrl);
    if (!target) collector.add(path, RELATION_FORMAT_MESSAGE);
    else if (expectedType !== '' && target.type !== expectedType) collector.add(path, relationTypeMessage(expectedType));
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
