import type { ContentTypeDefinitionInput } from '../../content-types/contentTypeDefinition';
import type { FieldErrors } from '../../errors/appError';
import type { ValidationMode } from './buildObjectSchema';
import { BODY_KEY, mergeFieldErrors } from './flotiqMessages';
import { checkMetaRules } from './metaRules';
import { createObjectValidator, type ObjectValidator } from './objectValidator';
import { findUnsafeValues, isJsonObject } from './safeValue';

/** The message for a body that is not a JSON object. */
export const NOT_AN_OBJECT_MESSAGE = 'The request body must be a JSON object';

/**
 * Decides every validation error of a content-object body against its CTD, as Flotiq's
 * `{field: [messages]}` map (`{}` = valid), in three stages:
 * 1. a body that is not a JSON object is refused at once (`{"body": [...]}`);
 * 2. storage safety (`findUnsafeValues`): if anything is unsafe, only those errors are returned,
 *    and neither ajv nor the meta rules ever see the value;
 * 3. the JSON Schema (ajv) and the meta-definition rules, both run, messages merged per key.
 * Pass the cached `validator` of this CTD version and mode (`getObjectValidator`); without one
 * the schema is compiled for this call only. Relation targets' existence and `unique` values are
 * the service's checks, not this function's.
 */
export function validateObjectData(
  ctd: Pick<ContentTypeDefinitionInput, 'schemaDefinition' | 'metaDefinition'>,
  data: unknown,
  mode: ValidationMode,
  validator?: ObjectValidator,
): FieldErrors {
  if (!isJsonObject(data)) return { [BODY_KEY]: [NOT_AN_OBJECT_MESSAGE] };
  const unsafe = findUnsafeValues(data);
  if (Object.keys(unsafe).length > 0) return unsafe;
  const schemaErrors = (validator ?? createObjectValidator(ctd, mode))(data);
  return mergeFieldErrors(schemaErrors, checkMetaRules(ctd, data));
}
