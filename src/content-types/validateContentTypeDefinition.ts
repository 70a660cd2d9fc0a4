import type { FieldErrors } from '../errors/appError';
import type { ContentTypeDefinitionInput } from './contentTypeDefinition';
import { typeMessage } from './validation/ctdMessages';
import { checkDefinitionSize, checkPropertyCount } from './validation/definitionBounds';
import { Report } from './validation/errorReport';
import { checkKeys, keys, readBoolean, readString } from './validation/fieldReaders';
import { normaliseDefinition } from './validation/normaliseDefinition';
import { get, isObj } from './validation/plainJson';
import { scanUnsafeKeys } from './validation/scanUnsafeKeys';
import { checkFeaturedImage } from './validation/validateFeaturedImage';
import { checkMetaDefinition, checkProperties } from './validation/validateMetaDefinition';
import { checkLabel, checkTypeName } from './validation/validateNames';
import { checkSchemaDefinition } from './validation/validateSchemaShape';
import { checkSlugs } from './validation/validateSlugs';

/**
 * Decides whether a CTD payload (POST/PUT body or export file) is acceptable, following spec §1.3–§1.4
 * with Flotiq's messages, and collects every problem rather than the first. The rules live in
 * `./validation/`; this file only runs them in order.
 *
 * Error keys:
 * - Flotiq's documented keys are used verbatim: `name`, `label`, `schemaDefinition.properties` (property
 *   names), `schemaDefinition.allOf`, `schemaDefinition.allOf.0.$ref`, `schemaDefinition.allOf.1.$ref`,
 *   `schemaDefinition.allOf[1].properties.{p}.type`, `metaDefinition.order`, `metaDefinition.propertiesConfig`,
 *   `metaDefinition.propertiesConfig.{p}` (and `.label`, `.inputType`, ...), `slugs[i].source`/`.target`.
 * - Any other path joins object keys with `.` and writes array indexes as `[i]` (JSON Schema validator style).
 * - A nested definition (an `object` list property `p`, or a `custom` property with its own
 *   `propertiesConfig`/`order`) repeats the top-level keys with a longer prefix: for a list,
 *   names `schemaDefinition.properties.{p}.items.properties`, keywords
 *   `schemaDefinition.allOf[1].properties.{p}.items.properties.{q}.type`, meta
 *   `metaDefinition.propertiesConfig.{p}.items.propertiesConfig[.{q}]` and `...{p}.items.order`; for `custom`,
 *   `...properties.{p}.properties` and `metaDefinition.propertiesConfig.{p}.propertiesConfig[.{q}]`/`.order`.
 * - A payload that is not an object at all, or larger than `CTD_BOUNDS` allow, is reported under `ctd`; too
 *   many properties under `schemaDefinition.properties`, object lists nested too deep under the list's
 *   `metaDefinition.propertiesConfig...{p}` key.
 */

/** What the validator must know about the world, answered by the caller without I/O here. */
export interface CtdValidationContext {
  /** Whether a content type of this name exists. System types and the CTD itself always count as existing. */
  relationTargetExists(name: string): boolean;
  /**
   * POST (true) or PUT (false). No §1.3 rule differs between them here: "This value is already used"
   * needs storage and is the caller's check.
   */
  isCreate: boolean;
  /** Accept a name starting with `_` (system types only); such a CTD comes out `internal: true`. */
  allowSystemName?: boolean;
}

/** The outcome: a normalised deep copy, or Flotiq's `{path: [messages]}` map. */
export type CtdValidationResult = { ok: true; value: ContentTypeDefinitionInput } | { ok: false; errors: FieldErrors };

const TOP_LEVEL_KEYS = keys(
  'name label internal draftPublic workflowId featuredImage slugs schemaDefinition metaDefinition',
);
const IGNORED_TOP_LEVEL_KEYS = keys('id createdAt updatedAt deletedAt version');

/**
 * Validates a CTD payload against spec §1.3 and returns either the normalised value (a deep copy with
 * `required: []`, `draftPublic: false`, `featuredImage: []`, `slugs: []` defaulted; `internal` true
 * only for a `_` name accepted through `allowSystemName`; server keys `id`, `createdAt`,
 * `updatedAt`, `deletedAt`, `version` dropped; inactive slug rules with a missing field dropped) or every error.
 */
export function validateContentTypeDefinition(input: unknown, context: CtdValidationContext): CtdValidationResult {
  const report = new Report();
  if (!scanUnsafeKeys(input, '', 0, report)) return report.failure();
  if (!isObj(input)) {
    report.add('ctd', typeMessage(input, 'object'));
    return report.failure();
  }
  if (!checkDefinitionSize(report, input)) return report.failure();
  checkKeys(report, input, TOP_LEVEL_KEYS, '', IGNORED_TOP_LEVEL_KEYS);
  const name = checkTypeName(report, input, context);
  checkLabel(report, input);
  readBoolean(report, input, 'internal', '');
  readBoolean(report, input, 'draftPublic', '');
  readString(report, input, 'workflowId', '');
  checkFeaturedImage(report, get(input, 'featuredImage'));
  const schema = checkSchemaDefinition(report, get(input, 'schemaDefinition'));
  const meta = checkMetaDefinition(report, get(input, 'metaDefinition'), 'metaDefinition');
  checkPropertyCount(report, meta?.configs);
  checkProperties(
    report,
    {
      properties: schema?.properties,
      configs: meta?.configs,
      order: meta?.order,
      schemaPath: 'schemaDefinition.allOf[1].properties',
      namesPath: 'schemaDefinition.properties',
      metaPath: 'metaDefinition',
      topLevel: true,
    },
    { name, context },
  );
  const slugs = checkSlugs(report, get(input, 'slugs'), schema?.properties);
  if (!report.isEmpty()) return report.failure();
  const internal = context.allowSystemName === true && name!.startsWith('_');
  return { ok: true, value: normaliseDefinition(input, internal, slugs) };
}
