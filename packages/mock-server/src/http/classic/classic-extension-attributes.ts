import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { JsonEntity } from './classic-json-view.js';
import { type ClassicResource, xmlObject, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';

/** One field's values in the two APIs: Pro's enum value → Classic's text. */
type Labels = Readonly<Record<string, string>>;

const DATA_TYPES: Labels = { STRING: 'String', INTEGER: 'Integer', DATE: 'Date' };
const INPUT_TYPES: Labels = {
  SCRIPT: 'script',
  TEXT: 'Text Field',
  POPUP: 'Pop-up Menu',
  DIRECTORY_SERVICE_ATTRIBUTE_MAPPING: 'LDAP Mapping',
};
const DISPLAYS: Labels = {
  GENERAL: 'General',
  HARDWARE: 'Hardware',
  OPERATING_SYSTEM: 'Operating System',
  USER_AND_LOCATION: 'User and Location',
  PURCHASING: 'Purchasing',
  EXTENSION_ATTRIBUTES: 'Extension Attributes',
};

/** Pro's value for Classic `text` (any case); undefined when `text` names none of them. */
const proValue = (labels: Labels, text: string): string | undefined =>
  Object.keys(labels).find((key) => labels[key]?.toLowerCase() === text.trim().toLowerCase());

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a Classic create starts from: the defaults Pro's `ComputerExtensionAttributes` declares. */
const NEW_ATTRIBUTE: JsonObject = {
  dataType: 'STRING',
  enabled: true,
  inputType: 'TEXT',
  inventoryDisplayType: 'GENERAL',
  ldapExtensionAttributeAllowed: false,
  popupMenuChoices: [],
};

/** `<popup_choices><choice>…</choice>…</popup_choices>` as text items; undefined when not written. */
function popupChoices(inputType: Record<string, unknown>): string[] | undefined {
  if (!('popup_choices' in inputType)) return undefined;
  const choices = xmlObject(inputType, 'popup_choices').choice;
  const items = Array.isArray(choices) ? choices : choices === undefined ? [] : [choices];
  return items.map((item) => (typeof item === 'number' ? String(item) : textOf(item)));
}

/**
 * Classic `computerextensionattributes`, a view of Pro `/v1/computer-extension-attributes`: one
 * set of extension attributes, two shapes. `data_type` is Pro's `dataType` (`String` ↔ `STRING`),
 * `input_type.type` its `inputType` (`script`, `Text Field`, `Pop-up Menu`, `LDAP Mapping`),
 * `input_type.script` its `scriptContents`, `input_type.popup_choices` its `popupMenuChoices`,
 * `inventory_display` its `inventoryDisplayType` (`General` ↔ `GENERAL`, …). Values outside those
 * lists are refused with 409 (the wording is unverified).
 */
export function classicComputerExtensionAttributes(
  document: OpenApiDocument,
): ClassicResource<JsonEntity> {
  return {
    plural: 'computerextensionattributes',
    privilegeObjects: ['Computer Extension Attributes'],
    listRoot: 'computer_extension_attributes',
    root: 'computer_extension_attribute',
    store: proCollectionView(document, '/v1/computer-extension-attributes', 'name'),
    summary: (row) => ({ id: row.id, name: row.name, enabled: row.fields.enabled !== false }),
    detail: (row) => {
      const f = row.fields;
      const inputType = textOf(f.inputType) || 'TEXT';
      return {
        id: row.id,
        name: row.name,
        enabled: f.enabled !== false,
        description: textOf(f.description),
        data_type: DATA_TYPES[textOf(f.dataType)] ?? 'String',
        input_type: {
          type: INPUT_TYPES[inputType] ?? 'Text Field',
          ...(inputType === 'SCRIPT' ? { platform: 'Mac', script: textOf(f.scriptContents) } : {}),
          ...(inputType === 'POPUP'
            ? { popup_choices: Array.isArray(f.popupMenuChoices) ? f.popupMenuChoices : [] }
            : {}),
        },
        inventory_display: DISPLAYS[textOf(f.inventoryDisplayType)] ?? 'General',
      };
    },
    lookups: { name: (row) => row.name },
    fromXml(value, existing) {
      const before: JsonObject = existing?.fields ?? NEW_ATTRIBUTE;
      const inputType = xmlObject(value, 'input_type');
      const fields: JsonObject = { ...before };
      const mapped: [string, string | undefined, Labels, string][] = [
        ['dataType', xmlText(value, 'data_type'), DATA_TYPES, 'data type'],
        ['inputType', xmlText(inputType, 'type'), INPUT_TYPES, 'input type'],
        [
          'inventoryDisplayType',
          xmlText(value, 'inventory_display'),
          DISPLAYS,
          'inventory display',
        ],
      ];
      for (const [field, text, labels, what] of mapped) {
        if (text === undefined) continue;
        const proText = proValue(labels, text);
        if (proText === undefined) return `Invalid ${what}: ${text}`;
        fields[field] = proText;
      }
      const enabled = xmlText(value, 'enabled');
      if (enabled !== undefined) fields.enabled = enabled.toLowerCase() === 'true';
      const description = xmlText(value, 'description');
      if (description !== undefined) fields.description = description;
      const script = xmlText(inputType, 'script');
      if (script !== undefined) fields.scriptContents = script;
      const choices = popupChoices(inputType);
      if (choices !== undefined) fields.popupMenuChoices = choices;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    isNameUnique: true,
    // Item names and <size> in XML as Jamf's schema writes them (`<popup_choices><choice>`).
    xmlShapes: {
      list: classicXmlShapes.computer_extension_attributes,
      object: classicXmlShapes.computer_extension_attribute!,
    },
  };
}
