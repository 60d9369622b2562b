import {
  type ExtensionAttributeValues,
  withExtensionAttributeValues,
} from '../../state/inventory/extension-attribute-values.js';
import {
  definitionById,
  definitionByName,
  type ExtensionAttributeDefinition,
} from '../extension-attribute-definitions.js';
import { DATA_TYPES } from './classic-extension-attributes.js';
import { xmlList, xmlText } from './classic-resource.js';

/**
 * A device record's `extension_attributes`: every definition with the device's value, `''` where
 * it holds none. Computer items are `{id, name, type, multi_value, value}` (jamf-pro-sdk-python's
 * fixture of a 10.42.1 record, `tests/unit/models/test_models_classic_computers.py`), mobile device
 * items `{id, name, type, value}` (go-api-sdk-jamfpro `MobileDeviceSubsetExtensionAttribute`).
 * Several values of a multi-value attribute are joined with `, ` (unverified).
 */
export function classicExtensionAttributes(
  definitions: readonly ExtensionAttributeDefinition[],
  values: ExtensionAttributeValues,
  withMultiValue: boolean,
): Record<string, unknown>[] {
  return definitions.map((definition) => ({
    id: Number(definition.id),
    name: definition.name,
    type: DATA_TYPES[definition.dataType] ?? 'String',
    ...(withMultiValue ? { multi_value: definition.isMultiValue } : {}),
    value: (values[definition.id] ?? []).join(', '),
  }));
}

/** Classic's 409 text for a value of an extension attribute that does not exist (unverified). */
const UNKNOWN_ATTRIBUTE = 'Problem with extension attribute';

/**
 * The values a Classic device write leaves: `existing` with each
 * `<extension_attributes><extension_attribute>` item's `<value>` set, the attribute named by
 * `<id>` or else `<name>` (ruby-jss writes `<name>` only, `extendable.rb` `ext_attr_xml`; Jamf's
 * developer guide "Creating and Populating Values" writes `<id>`), or the 409 text when one names
 * no definition (then nothing is stored). An empty `<extension_attributes/>` clears every value,
 * as Jamf did when MUT sent one (jamf/mut#36, reproduced by its maintainer on Jamf Pro 10.14); no
 * element leaves them. A blank `<value/>` clears that attribute. Values are taken as sent whatever
 * the data type, pop-up choices or input type (ruby-jss: the API accepts values for script and
 * directory attributes; what Jamf refuses beyond that is unverified).
 */
export function classicExtensionAttributeValues(
  element: Record<string, unknown>,
  existing: ExtensionAttributeValues | undefined,
  definitions: readonly ExtensionAttributeDefinition[],
): ExtensionAttributeValues | string {
  const before = existing ?? {};
  if (!('extension_attributes' in element)) return before;
  const items = xmlList(element, 'extension_attributes', 'extension_attribute');
  if (items.length === 0) return {};
  const updates = new Map<string, string[]>();
  for (const item of items) {
    const id = xmlText(item, 'id')?.trim();
    const name = xmlText(item, 'name');
    const definition =
      id !== undefined && id !== ''
        ? definitionById(definitions, id)
        : name !== undefined
          ? definitionByName(definitions, name)
          : undefined;
    if (definition === undefined) return UNKNOWN_ATTRIBUTE;
    const value = xmlText(item, 'value') ?? '';
    updates.set(definition.id, value === '' ? [] : [value]);
  }
  return withExtensionAttributeValues(before, updates);
}
