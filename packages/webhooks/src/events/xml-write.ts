import { XMLBuilder } from 'fast-xml-parser';

// The XML form of a payload, for the generator and the mock; the receiver never loads the builder.

/** The root element Jamf Pro wraps an XML payload in. */
export const xmlRootElement = 'JSSEvent';

let builder: XMLBuilder | undefined;

/** Writes a payload as Jamf-style XML; a list's items are named by its name less a final `s`. */
export function writeXml(payload: unknown): string {
  builder ??= new XMLBuilder({ format: false, suppressEmptyNode: false });
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [xmlRootElement]: toXmlTree(payload) })}`;
}

function toXmlTree(value: unknown, name = ''): unknown {
  if (Array.isArray(value)) {
    const itemName = name.endsWith('s') ? name.slice(0, -1) : `${name}Item`;
    return value.length === 0 ? '' : { [itemName]: value.map((item) => toXmlTree(item, itemName)) };
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, toXmlTree(item, key)]),
    );
  }
  return value === null ? '' : String(value);
}
