import type { FieldRights, KeyRule } from '../access/permissions';
import { propertiesOf, type ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { FieldErrors } from '../errors/appError';

const RULE_KEYS = new Set(['contentTypeDefinitionName', 'canRead', 'canCreate', 'canUpdate', 'canDelete', 'fields']);
const RIGHTS = ['canRead', 'canCreate', 'canUpdate', 'canDelete'] as const;
const FIELD_RIGHTS = new Set(['read', 'create', 'update']);

/**
 * Validates the rules of a user-defined key against the account's CTDs: every rule names an
 * existing type once, rights are booleans, field rights name existing properties of that type.
 * Returns the normalised rules or the error map (keys like `rules[0].fields.title`).
 */
export function validateKeyRules(
  input: unknown,
  contentTypes: ReadonlyMap<string, ContentTypeDefinition>,
): { ok: true; rules: KeyRule[] } | { ok: false; errors: FieldErrors } {
  const problems: FieldErrors = {};
  const add = (key: string, message: string) => (problems[key] ??= []).push(message);
  if (!Array.isArray(input)) return { ok: false, errors: { rules: ['Rules must be a list'] } };
  if (input.length > 200) return { ok: false, errors: { rules: ['A key may have at most 200 rules'] } };
  const seen = new Set<string>();
  const rules: KeyRule[] = [];
  input.forEach((raw, index) => {
    const at = `rules[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return add(at, 'A rule must be an object');
    const rule = raw as Record<string, unknown>;
    for (const key of Object.keys(rule)) if (!RULE_KEYS.has(key)) add(`${at}.${key}`, `Unknown rule property ${key}`);
    const typeName = rule.contentTypeDefinitionName;
    const ctd = typeof typeName === 'string' ? contentTypes.get(typeName) : undefined;
    if (!ctd) return add(`${at}.contentTypeDefinitionName`, `Content type ${String(typeName)} does not exist`);
    if (seen.has(ctd.name)) add(`${at}.contentTypeDefinitionName`, `There is already a rule for ${ctd.name}`);
    seen.add(ctd.name);
    for (const right of RIGHTS) {
      if (rule[right] !== undefined && typeof rule[right] !== 'boolean') add(`${at}.${right}`, 'Must be a boolean');
    }
    const fields = validateFieldRights(rule.fields, ctd, `${at}.fields`, add);
    rules.push({
      contentTypeDefinitionName: ctd.name,
      canRead: rule.canRead === true,
      canCreate: rule.canCreate === true,
      canUpdate: rule.canUpdate === true,
      canDelete: rule.canDelete === true,
      ...(fields ? { fields } : {}),
    });
  });
  return Object.keys(problems).length ? { ok: false, errors: problems } : { ok: true, rules };
}

function validateFieldRights(
  input: unknown,
  ctd: ContentTypeDefinition,
  at: string,
  add: (key: string, message: string) => void,
): Record<string, FieldRights> | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'object' || Array.isArray(input)) {
    add(at, 'Field rights must be an object of field name → {read, create, update}');
    return undefined;
  }
  const properties = propertiesOf(ctd);
  const out: Record<string, FieldRights> = {};
  for (const [field, rights] of Object.entries(input as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(properties, field)) {
      add(`${at}.${field}`, `Field ${field} does not exist in ${ctd.name}`);
      continue;
    }
    if (typeof rights !== 'object' || rights === null || Array.isArray(rights)) {
      add(`${at}.${field}`, 'Field rights must be an object {read, create, update}');
      continue;
    }
    const entry: FieldRights = {};
    for (const [right, value] of Object.entries(rights as Record<string, unknown>)) {
      if (!FIELD_RIGHTS.has(right)) add(`${at}.${field}.${right}`, `Unknown field right ${right}`);
      else if (typeof value !== 'boolean') add(`${at}.${field}.${right}`, 'Must be a boolean');
      else entry[right as keyof FieldRights] = value;
    }
    out[field] = entry;
  }
  return out;
}
