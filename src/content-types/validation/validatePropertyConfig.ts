import { INPUT_TYPES, type InputType } from '../contentTypeDefinition';
import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readBoolean, readString, readStringList, words } from './fieldReaders';
import { isInputType } from './inputTypeCompatibility';
import { get, isObj, type Obj } from './plainJson';
import { checkRelationShape } from './validateRelations';

const INPUT_SUBTYPE = /^[a-z]+$/;
const BLOCK_TYPES = words('paragraph header list image youtubeEmbed quote warning delimiter code table');
const BOOLEAN_CONFIG_KEYS = words('readonly hidden isTitlePart isPassword showTime multiple useOptionsWithLabels');
const CONFIG_KEYS = keys(
  'label inputType inputSubtype unique readonly hidden validation options useOptionsWithLabels optionsWithLabels ' +
    'helpText isTitlePart isPassword showTime multiple blockEditorTypes items propertiesConfig order',
);
const LABELLED_OPTION_KEYS = keys('value label');

/**
 * Decides whether one `propertiesConfig` entry has its own shape: an object with known keys of the right
 * types, a known `inputType`. Returns the config and its inputType when the inputType rules can run.
 * `path` is the entry's error key.
 */
export function checkPropertyConfig(
  report: Report,
  config: unknown,
  path: string,
): { config: Obj; inputType: InputType } | undefined {
  if (!isObj(config)) return void report.add(path, typeMessage(config, 'object'));
  checkKeys(report, config, CONFIG_KEYS, path);
  readString(report, config, 'label', path, true);
  readBoolean(report, config, 'unique', path, true);
  for (const key of BOOLEAN_CONFIG_KEYS) readBoolean(report, config, key, path);
  readString(report, config, 'helpText', path);
  const subtype = readString(report, config, 'inputSubtype', path);
  if (subtype !== undefined && !INPUT_SUBTYPE.test(subtype))
    report.add(`${path}.inputSubtype`, m.pattern(INPUT_SUBTYPE.source));
  readStringList(report, get(config, 'options'), `${path}.options`, false);
  checkLabelledOptions(report, get(config, 'optionsWithLabels'), `${path}.optionsWithLabels`);
  checkBlockEditorTypes(report, get(config, 'blockEditorTypes'), `${path}.blockEditorTypes`);
  checkRelationShape(report, get(config, 'validation'), `${path}.validation`);

  const inputType = get(config, 'inputType');
  if (inputType === undefined) return void report.add(`${path}.inputType`, m.required('inputType'));
  if (!isInputType(inputType)) return void report.add(`${path}.inputType`, m.enumeration(INPUT_TYPES));
  return { config, inputType };
}

function checkLabelledOptions(report: Report, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report.add(path, typeMessage(value, 'array'));
  value.forEach((option, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isObj(option)) return report.add(itemPath, typeMessage(option, 'object'));
    checkKeys(report, option, LABELLED_OPTION_KEYS, itemPath);
    readString(report, option, 'value', itemPath, true);
    readString(report, option, 'label', itemPath, true);
  });
}

function checkBlockEditorTypes(report: Report, value: unknown, path: string): void {
  const types = readStringList(report, value, path, false);
  types?.forEach((type, i) => {
    if (!BLOCK_TYPES.includes(type)) report.add(`${path}[${i}]`, m.enumeration(BLOCK_TYPES));
  });
}
