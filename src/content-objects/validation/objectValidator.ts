import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { ContentTypeDefinitionInput } from '../../content-types/contentTypeDefinition';
import type { FieldErrors } from '../../errors/appError';
import { buildObjectSchema, type ValidationMode } from './buildObjectSchema';
import { toFlotiqFieldErrors } from './flotiqMessages';

/** Checks a body against a CTD's JSON Schema; `{}` means valid. */
export type ObjectValidator = (data: unknown) => FieldErrors;

/**
 * Compiles a CTD's object schema once and returns a function that decides which JSON Schema
 * errors (in Flotiq's words and paths) a body has. Each validator owns its Ajv instance, so a
 * dropped validator frees everything it compiled. Regular expressions are compiled without the
 * `u` flag: Flotiq's patterns (PCRE) use escapes such as `\’` that unicode mode refuses.
 * Throws when the schema cannot be compiled (unsupported `$ref`, invalid pattern or keyword).
 */
export function createObjectValidator(
  ctd: Pick<ContentTypeDefinitionInput, 'schemaDefinition'>,
  mode: ValidationMode,
): ObjectValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, unicodeRegExp: false, logger: false });
  addFormats(ajv);
  const validate = ajv.compile(buildObjectSchema(ctd, mode));
  return (data: unknown): FieldErrors => (validate(data) ? {} : toFlotiqFieldErrors(validate.errors ?? [], data));
}
