import { jamfError } from '../../spec/jamf-error.js';
import type { ExtensionAttributeValues } from '../../state/inventory/extension-attribute-values.js';
import {
  definitionById,
  definitionByName,
  type ExtensionAttributeDefinition,
  type InventoryDisplay,
} from '../extension-attribute-definitions.js';

/** A device's extension attributes by the Pro inventory section each is shown in. */
export interface ExtensionAttributeSections<T> {
  general: T[];
  hardware: T[];
  operatingSystem: T[];
  userAndLocation: T[];
  purchasing: T[];
  /** The top-level `extensionAttributes` section: definitions displayed under that heading. */
  extensionAttributes: T[];
}

const SECTION_OF: Readonly<Record<InventoryDisplay, keyof ExtensionAttributeSections<unknown>>> = {
  GENERAL: 'general',
  HARDWARE: 'hardware',
  OPERATING_SYSTEM: 'operatingSystem',
  USER_AND_LOCATION: 'userAndLocation',
  PURCHASING: 'purchasing',
  EXTENSION_ATTRIBUTES: 'extensionAttributes',
};

/**
 * Every definition rendered with the device's values (none where it holds none), placed in the
 * section of its `inventoryDisplayType`. Each inventory section of the Pro schemas has its own
 * `extensionAttributes` list (`ComputerGeneral`, `ComputerHardware`, …, `MobileDeviceGeneral`, …);
 * a live 11.10.1 computer record lists a script attribute inside `hardware.extensionAttributes`
 * (elastic/integrations#11823). That each attribute is listed in its display section only, not
 * also at the top level, is unverified.
 */
export function extensionAttributeSections<T>(
  definitions: readonly ExtensionAttributeDefinition[],
  values: ExtensionAttributeValues,
  render: (definition: ExtensionAttributeDefinition, values: readonly string[]) => T,
): ExtensionAttributeSections<T> {
  const sections: ExtensionAttributeSections<T> = {
    general: [],
    hardware: [],
    operatingSystem: [],
    userAndLocation: [],
    purchasing: [],
    extensionAttributes: [],
  };
  for (const definition of definitions) {
    sections[SECTION_OF[definition.inventoryDisplay]].push(
      render(definition, values[definition.id] ?? []),
    );
  }
  return sections;
}

/** One extension attribute value a Pro write sends, with the JSON path it came from. */
export interface ProValueWrite {
  /** Where the item is in the body, for the error's `field` (`extensionAttributes[0]`). */
  path: string;
  /** The definition id it names, when it names one. */
  id: string | undefined;
  /** The definition name it names, when it names one (mobile device writes). */
  name: string | undefined;
  /** Its `values` (computers) or `value` (mobile devices): a list, or null to clear. */
  values: unknown;
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** The items of the list at `key` of `body` as writes; `idKey` names the definition id field. */
export function proValueWrites(
  body: unknown,
  key: string,
  idKey: string,
  valuesKey: string,
  pathPrefix = '',
): ProValueWrite[] {
  if (typeof body !== 'object' || body === null) return [];
  const list = (body as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return [];
  return list.map((item, index) => {
    const fields =
      typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    return {
      path: `${pathPrefix}${key}[${index}]`,
      id: textOf(fields[idKey]),
      name: textOf(fields.name),
      values: fields[valuesKey],
    };
  });
}

/**
 * The values `writes` set, by definition id. An item is found by its id, else by its name; one
 * whose definition does not exist is answered Jamf's 400 `INVALID_FIELD` naming it (then nothing
 * is stored), or skipped when `isUnknownIgnored`. A list replaces the device's values; null clears them. Values are taken as sent,
 * whatever the definition's data type, pop-up choices or input type: ruby-jss checks types and
 * pop-up choices on the client and notes the API accepts values for script and directory
 * attributes (`extendable.rb`, `set_ext_attr`); what Jamf refuses is unverified, and the wording
 * of the 400 is unverified.
 */
export function proValueUpdates(
  definitions: readonly ExtensionAttributeDefinition[],
  writes: readonly ProValueWrite[],
  isUnknownIgnored = false,
): Map<string, string[]> | Response {
  const updates = new Map<string, string[]>();
  for (const write of writes) {
    const definition =
      write.id !== undefined
        ? definitionById(definitions, write.id)
        : write.name !== undefined
          ? definitionByName(definitions, write.name)
          : undefined;
    if (definition === undefined) {
      if (isUnknownIgnored) continue;
      return jamfError(
        400,
        'INVALID_FIELD',
        `No extension attribute definition ${write.id ?? write.name ?? ''}`.trimEnd(),
        write.path,
      );
    }
    const values = Array.isArray(write.values)
      ? write.values.map((value) => textOf(value) ?? '')
      : [];
    updates.set(definition.id, values);
  }
  return updates;
}
