/**
 * The wording of every CTD validation error: Flotiq's messages and the JSON Schema validator's, verbatim.
 * Decides only the text; where a message is reported is the checks' business.
 */
export const m = {
  required: (p: string) => `The property ${p} is required`,
  minLength: 'Must be at least 1 characters long',
  minItems: (n: number) => `There must be a minimum of ${n} items in the array`,
  maxItems: (n: number) => `There must be a maximum of ${n} items in the array`,
  duplicates: 'There are no duplicates allowed in the array',
  enumeration: (values: readonly unknown[]) => `Does not have a value in the enumeration ${JSON.stringify(values)}`,
  pattern: (pattern: string) => `Does not match the regex pattern ${pattern}`,
  notDefined: (p: string) => `The property ${p} is not defined and the definition does not allow additional properties`,
  notValid: 'This value is not valid.',
  forbiddenKey: (key: string) => `Key ${key} is not allowed`,
  notJson: 'This value is not valid JSON',
  tooDeep: (maxDepth: number) => `Nesting deeper than ${maxDepth} levels is not allowed`,
  badRegex: 'This value is not a valid regular expression',
  noProperties: 'You must specify at least one schema property',
  badPropertyName: 'Invalid value. Only a-z, A-Z, 0-9 and _ are allowed',
  reservedName: (p: string) => `Property name ${p} not allowed`,
  nameTooLong: (p: string, max: number) => `Property name ${p.slice(0, 20)}… is longer than ${max} characters`,
  tooManyProperties: (max: number) => `Must contain no more than ${max} properties, nested ones included`,
  listTooDeep: (max: number) => `Object lists can be nested at most ${max} levels deep`,
  definitionTooLarge: (maxKiB: number) => `The definition must be at most ${maxKiB} KiB of JSON`,
  notInOrder: (p: string) => `Property name ${p} not existing in the order`,
  notInMeta: (p: string) => `Property name ${p} not existing in meta definition`,
  notInSchema: (p: string) => `Property name ${p} not existing in schema definition`,
  wrongMetaType: (p: string) => `Wrong meta type for type of ${p}`,
  relationTypeMissing: (p: string) => `You have to specify type of relation for ${p}`,
  relationTargetMissing: (t: string, p: string) => `Content type ${t} used in relation of ${p} does not exist`,
  cannotBeUnique: (inputType: string) => `A property of inputType ${inputType} cannot be unique`,
  onlyFor: (key: string, inputType: string) => `The property ${key} is only allowed for inputType ${inputType}`,
  slugRequired: (role: string) => `Slug ${role} is required.`,
  slugFieldMissing: (field: string, role: string) =>
    `Field "${field}" used as slug ${role} does not exist in the type definition.`,
};

/** The JSON Schema validator's type message, e.g. "String value found, but a number is required". */
export function typeMessage(value: unknown, expected: 'string' | 'boolean' | 'object' | 'array'): string {
  const found =
    value === null
      ? 'NULL'
      : Array.isArray(value)
        ? 'Array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'Integer'
            : 'Number'
          : typeof value === 'string'
            ? 'String'
            : typeof value === 'boolean'
              ? 'Boolean'
              : 'Object';
  const article = expected === 'object' || expected === 'array' ? 'an' : 'a';
  return `${found} value found, but ${article} ${expected} is required`;
}
