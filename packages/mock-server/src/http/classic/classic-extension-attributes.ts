import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { JsonEntity } from './classic-json-view.js';
import { type ProToClassic, proText, proValueOf } from './classic-pro-values.js';
import { type ClassicResource, xmlObject, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';

type Labels = ProToClassic;

/** Pro `dataType` → Classic `data_type`, also the `type` of an attribute on a device record. */
export const DATA_TYPES: Labels = { STRING: 'String', INTEGER: 'Integer', DATE: 'Date' };
const DISPLAYS: Labels = {
  GENERAL: 'General',
  HARDWARE: 'Hardware',
  OPERATING_SYSTEM: 'Operating System',
  USER_AND_LOCATION: 'User and Location',
  PURCHASING: 'Purchasing',
  EXTENSION_ATTRIBUTES: 'Extension Attributes',
};

/** What differs between the computer and the mobile device extension attributes. */
interface AttributeKind {
  plural: string;
  root: string;
  listRoot: string;
  /** The Pro collection both views share. */
  template: string;
  privilege: string;
  /** Pro `inputType` → Classic `input_type.type`, as each schema's enum lists them. */
  inputTypes: Labels;
  /** Pro `inventoryDisplayType` → Classic `inventory_display`. */
  displays: Labels;
  /** Computer attributes may run a script (Pro `scriptContents`) and be disabled (`enabled`). */
  isComputer: boolean;
}

const COMPUTER: AttributeKind = {
  plural: 'computerextensionattributes',
  root: 'computer_extension_attribute',
  listRoot: 'computer_extension_attributes',
  template: '/v1/computer-extension-attributes',
  privilege: 'Computer Extension Attributes',
  inputTypes: {
    SCRIPT: 'script',
    TEXT: 'Text Field',
    POPUP: 'Pop-up Menu',
    DIRECTORY_SERVICE_ATTRIBUTE_MAPPING: 'LDAP Mapping',
  },
  displays: DISPLAYS,
  isComputer: true,
};

const MOBILE_DEVICE: AttributeKind = {
  plural: 'mobiledeviceextensionattributes',
  root: 'mobile_device_extension_attribute',
  listRoot: 'mobile_device_extension_attributes',
  template: '/v1/mobile-device-extension-attributes',
  privilege: 'Mobile Device Extension Attributes',
  inputTypes: {
    TEXT: 'Text Field',
    POPUP: 'Pop-up Menu',
    DIRECTORY_SERVICE_ATTRIBUTE_MAPPING: 'LDAP Attribute Mapping',
  },
  displays: Object.fromEntries(
    Object.entries(DISPLAYS).filter(([key]) => key !== 'OPERATING_SYSTEM'),
  ),
  isComputer: false,
};

/** What a Classic create starts from: the defaults Pro's extension attribute schemas declare. */
const NEW_ATTRIBUTE: JsonObject = {
  dataType: 'STRING',
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
  return items.map((item) => (typeof item === 'number' ? String(item) : proText(item)));
}

/**
 * The Classic view of one kind of extension attribute over its Pro collection: one set of objects,
 * two shapes. `data_type` is Pro's `dataType` (`String` ↔ `STRING`), `input_type.type` its
 * `inputType`, `input_type.script` its `scriptContents` (computers), `input_type.popup_choices`
 * its `popupMenuChoices`, `inventory_display` its `inventoryDisplayType` (`General` ↔ `GENERAL`,
 * …). Values outside those lists are refused with 409 (the wording is unverified).
 */
function extensionAttributeView(
  document: OpenApiDocument,
  kind: AttributeKind,
): ClassicResource<JsonEntity> {
  return {
    plural: kind.plural,
    privilegeObjects: [kind.privilege],
    listRoot: kind.listRoot,
    root: kind.root,
    store: proCollectionView(document, kind.template, 'name'),
    summary: (row) =>
      kind.isComputer
        ? { id: row.id, name: row.name, enabled: row.fields.enabled !== false }
        : { id: row.id, name: row.name },
    detail: (row) => {
      const f = row.fields;
      const inputType = proText(f.inputType) || 'TEXT';
      return {
        id: row.id,
        name: row.name,
        ...(kind.isComputer ? { enabled: f.enabled !== false } : {}),
        description: proText(f.description),
        data_type: DATA_TYPES[proText(f.dataType)] ?? 'String',
        input_type: {
          type: kind.inputTypes[inputType] ?? 'Text Field',
          ...(kind.isComputer && inputType === 'SCRIPT'
            ? { platform: 'Mac', script: proText(f.scriptContents) }
            : {}),
          ...(inputType === 'POPUP'
            ? { popup_choices: Array.isArray(f.popupMenuChoices) ? f.popupMenuChoices : [] }
            : {}),
        },
        inventory_display: kind.displays[proText(f.inventoryDisplayType)] ?? 'General',
      };
    },
    lookups: { name: (row) => row.name },
    fromXml(value, existing) {
      const before: JsonObject =
        existing?.fields ?? (kind.isComputer ? { ...NEW_ATTRIBUTE, enabled: true } : NEW_ATTRIBUTE);
      const inputType = xmlObject(value, 'input_type');
      const fields: JsonObject = { ...before };
      const mapped: [string, string | undefined, Labels, string][] = [
        ['dataType', xmlText(value, 'data_type'), DATA_TYPES, 'data type'],
        ['inputType', xmlText(inputType, 'type'), kind.inputTypes, 'input type'],
        [
          'inventoryDisplayType',
          xmlText(value, 'inventory_display'),
          DISPLAYS,
          'inventory display',
        ],
      ];
      for (const [field, text, labels, what] of mapped) {
        if (text === undefined) continue;
        const proText = proValueOf(labels, text);
        if (proText === undefined) return `Invalid ${what}: ${text}`;
        fields[field] = proText;
      }
      const enabled = kind.isComputer ? xmlText(value, 'enabled') : undefined;
      if (enabled !== undefined) fields.enabled = enabled.toLowerCase() === 'true';
      const description = xmlText(value, 'description');
      if (description !== undefined) fields.description = description;
      const script = kind.isComputer ? xmlText(inputType, 'script') : undefined;
      if (script !== undefined) fields.scriptContents = script;
      const choices = popupChoices(inputType);
      if (choices !== undefined) fields.popupMenuChoices = choices;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    isNameUnique: true,
    // Item names and <size> in XML as Jamf's schema writes them (`<popup_choices><choice>`).
    xmlShapes: { list: classicXmlShapes[kind.listRoot], object: classicXmlShapes[kind.root]! },
  };
}

/** Classic `computerextensionattributes`, a view of Pro `/v1/computer-extension-attributes`. */
export function classicComputerExtensionAttributes(
  document: OpenApiDocument,
): ClassicResource<JsonEntity> {
  return extensionAttributeView(document, COMPUTER);
}

/**
 * Classic `mobiledeviceextensionattributes`, a view of Pro `/v1/mobile-device-extension-attributes`
 * (no scripts; `LDAP Attribute Mapping` for Pro's directory mapping, as its Classic enum names it).
 */
export function classicMobileDeviceExtensionAttributes(
  document: OpenApiDocument,
): ClassicResource<JsonEntity> {
  return extensionAttributeView(document, MOBILE_DEVICE);
}
