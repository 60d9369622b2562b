import { proSpec } from '../generated/pro-spec.js';
import type { OpenApiDocument } from '../spec/openapi-document.js';
import type { JsonObject } from '../state/json-collection.js';
import type { MockState } from '../state/mock-state.js';
import { sharedCollectionStore } from './pro/generic-collections.js';
import type { RouteContext } from './route.js';

// The extension attribute definitions a device's values belong to, read from the one store both
// APIs keep them in (Pro `/v1/computer-extension-attributes` and
// `/v1/mobile-device-extension-attributes`; Classic `computerextensionattributes` and
// `mobiledeviceextensionattributes` are views of it). Every definition of the device's kind is
// listed on every device, with an empty value where none was set: "one [entry] for each defined
// ExtensionAttribute for the class" (ruby-jss `lib/jamf/api/classic/api_objects/extendable.rb`).

/** Which devices a definition applies to. */
export type ExtensionAttributeKind = 'computer' | 'mobileDevice';

/** Pro's `inventoryDisplayType`: the inventory section a definition's values are shown in. */
export type InventoryDisplay =
  | 'GENERAL'
  | 'HARDWARE'
  | 'OPERATING_SYSTEM'
  | 'USER_AND_LOCATION'
  | 'PURCHASING'
  | 'EXTENSION_ATTRIBUTES';

/** One extension attribute definition, as the device views need it. */
export interface ExtensionAttributeDefinition {
  /** Pro's string id (`definitionId` on a device); Classic writes it as a number. */
  id: string;
  name: string;
  description: string;
  /**
   * False for a disabled computer definition (mobile device definitions have no switch). A
   * disabled definition is still listed on devices: the device-side schema
   * (`ComputerExtensionAttribute.enabled`) carries the flag (whether Jamf lists it is unverified).
   */
  enabled: boolean;
  /** `STRING`, `INTEGER` or `DATE`. */
  dataType: string;
  /** `TEXT`, `POPUP`, `SCRIPT` (computers) or `DIRECTORY_SERVICE_ATTRIBUTE_MAPPING`. */
  inputType: string;
  inventoryDisplay: InventoryDisplay;
  /** The pop-up menu's choices (`popupMenuChoices`), empty unless `inputType` is `POPUP`. */
  choices: readonly string[];
  /**
   * A directory mapping that collects several values (`ldapExtensionAttributeAllowed`; Jamf's
   * reference for `PUT /v1/computer-extension-attributes/{id}` describes it as collecting
   * multiple values, only for `DIRECTORY_SERVICE_ATTRIBUTE_MAPPING`).
   */
  isMultiValue: boolean;
}

const TEMPLATES: Readonly<Record<ExtensionAttributeKind, string>> = {
  computer: '/v1/computer-extension-attributes',
  mobileDevice: '/v1/mobile-device-extension-attributes',
};

const DISPLAYS: readonly InventoryDisplay[] = [
  'GENERAL',
  'HARDWARE',
  'OPERATING_SYSTEM',
  'USER_AND_LOCATION',
  'PURCHASING',
  'EXTENSION_ATTRIBUTES',
];

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;

function definitionOf(row: JsonObject, kind: ExtensionAttributeKind): ExtensionAttributeDefinition {
  const inputType = text(row.inputType, 'TEXT');
  const display = text(row.inventoryDisplayType, 'GENERAL') as InventoryDisplay;
  return {
    id: text(row.id),
    name: text(row.name),
    description: text(row.description),
    enabled: kind === 'mobileDevice' || row.enabled !== false,
    dataType: text(row.dataType, 'STRING'),
    inputType,
    inventoryDisplay: DISPLAYS.includes(display) ? display : 'GENERAL',
    choices:
      inputType === 'POPUP' && Array.isArray(row.popupMenuChoices)
        ? row.popupMenuChoices.map((choice) => text(choice))
        : [],
    isMultiValue:
      inputType === 'DIRECTORY_SERVICE_ATTRIBUTE_MAPPING' &&
      row.ldapExtensionAttributeAllowed === true,
  };
}

/** Every extension attribute definition of `kind` in `state`, in id order. */
export function extensionAttributeDefinitions(
  document: OpenApiDocument,
  state: MockState,
  kind: ExtensionAttributeKind,
): ExtensionAttributeDefinition[] {
  const shared = sharedCollectionStore(document, TEMPLATES[kind], state);
  return shared === undefined ? [] : shared.store.list().map((row) => definitionOf(row, kind));
}

/** The definitions of `kind` a Pro route reads, through the document of its spec operation. */
export function proExtensionAttributeDefinitions(
  ctx: RouteContext,
  kind: ExtensionAttributeKind,
): ExtensionAttributeDefinition[] {
  return extensionAttributeDefinitions(ctx.operation?.document ?? proSpec, ctx.state, kind);
}

/**
 * The definitions of `kind` a Classic route reads. Classic routes carry no spec operation, so
 * they read the store through the Pro document the mock serves (`createJamfMock` serves no other).
 */
export function classicExtensionAttributeDefinitions(
  state: MockState,
  kind: ExtensionAttributeKind,
): ExtensionAttributeDefinition[] {
  return extensionAttributeDefinitions(proSpec, state, kind);
}

/**
 * What the definitions look like, as text: views built from them are current while this is the
 * same (a rename, a new or a deleted definition changes it).
 */
export function definitionsKey(definitions: readonly ExtensionAttributeDefinition[]): string {
  return JSON.stringify(definitions);
}

/** The definition a write names by id (Pro `definitionId`, Classic `<id>`). */
export function definitionById(
  definitions: readonly ExtensionAttributeDefinition[],
  id: string,
): ExtensionAttributeDefinition | undefined {
  const wanted = id.trim();
  return definitions.find((definition) => definition.id === wanted);
}

/** The definition a write names by name (Classic `<name>`; names are unique, any case). */
export function definitionByName(
  definitions: readonly ExtensionAttributeDefinition[],
  name: string,
): ExtensionAttributeDefinition | undefined {
  const wanted = name.trim().toLowerCase();
  return definitions.find((definition) => definition.name.toLowerCase() === wanted);
}
