import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import Negotiator from 'negotiator';
import type { XmlShape } from '../../generated/classic-resources.js';
import { classicError } from './classic-error.js';

/** Element names of list items, by the list's element name (`computers` holds `computer`s). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  computers: 'computer',
  mobile_devices: 'mobile_device',
  computer_groups: 'computer_group',
  categories: 'category',
  departments: 'department',
  buildings: 'building',
  policies: 'policy',
  scripts: 'script',
  criteria: 'criterion',
  computer_group_memberships: 'group',
  local_accounts: 'user',
  os_x_configuration_profiles: 'os_x_configuration_profile',
  jss_objects: 'privilege',
  jss_settings: 'privilege',
  jss_actions: 'privilege',
  recon: 'privilege',
  casper_admin: 'privilege',
  casper_remote: 'privilege',
  casper_imaging: 'privilege',
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false, format: false });

/**
 * Classic's XML form of a JSON-shaped value: arrays become `<size>` plus repeated item elements.
 * With the element's `shape` (spec-derived resources), the shape names the items, says whether a
 * `<size>` comes first, and marks lists repeated in place without a wrapper.
 */
function toXmlTree(key: string, value: unknown, shape?: XmlShape): unknown {
  if (Array.isArray(value)) {
    if (shape !== undefined && typeof shape === 'object' && 'r' in shape)
      return value.map((entry) => toXmlTree(key, entry, shape.r));
    if (shape !== undefined && typeof shape === 'object' && 'a' in shape) {
      const items = value.map((entry) => toXmlTree(shape.a, entry, shape.i));
      return shape.s ? { size: value.length, [shape.a]: items } : { [shape.a]: items };
    }
    const item = ITEM_NAMES[key] ?? key.replace(/s$/, '');
    const items = value.map((entry) => toXmlTree(item, entry));
    // A list the shape gives as an object of `<size>`, settings and the items (a policy's
    // `printers`): the settings follow the size, blank, as Jamf writes them (`POLICY_PRINTERS` says where from).
    if (shape !== undefined && typeof shape === 'object' && 'o' in shape && shape.o.size === 'n') {
      const settings = Object.keys(shape.o).filter((name) => typeof shape.o[name] === 'string');
      const blanks = settings.filter((name) => name !== 'size').map((name) => [name, '']);
      return { size: value.length, ...Object.fromEntries(blanks), [item]: items };
    }
    return { size: value.length, [item]: items };
  }
  if (typeof value === 'object' && value !== null) {
    const children =
      shape !== undefined && typeof shape === 'object' && 'o' in shape ? shape.o : {};
    const out: Record<string, unknown> = {};
    for (const [child, entry] of Object.entries(value))
      out[child] = toXmlTree(child, entry, children[child]);
    return out;
  }
  return value ?? '';
}

/** Serialises `{ root: value }` as Classic XML with its declaration (shaped by `shape` if given). */
export function classicXml(root: string, value: unknown, shape?: XmlShape): string {
  return `${XML_DECLARATION}${builder.build({ [root]: toXmlTree(root, value, shape) })}`;
}

/** What a Classic read can answer, XML first: Classic's default when `Accept` prefers neither. */
const CLASSIC_MEDIA_TYPES = ['application/xml', 'text/xml', 'application/json'];

/**
 * True when `Accept` prefers JSON to XML by its weights (`q`), or lists JSON first at equal
 * weight; XML otherwise (no `Accept`, `*\/*`, JSON at `q=0`, nothing Classic serves). Clients send
 * weighted headers: go-api-sdk-jamfpro asks every request for `application/xml;q=0.65` over
 * `application/json;q=0.5` and decodes Classic answers as XML (go-api-http-client-integrations,
 * `jamf/jamfprointegration/headers.go`), which a substring test for JSON answered with JSON.
 */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '*/*';
  const negotiator = new Negotiator({ headers: { accept } });
  return negotiator.mediaType(CLASSIC_MEDIA_TYPES) === 'application/json';
}

/**
 * Answers `{ root: value }` as JSON or XML, as the request's `Accept` asks; `shape` (the element's
 * XML facts from the spec) names list items and `<size>` in the XML form.
 */
export function classicResponse(
  request: Request,
  root: string,
  value: unknown,
  status = 200,
  shape?: XmlShape,
): Response {
  if (wantsJson(request)) {
    return new Response(JSON.stringify({ [root]: value }), {
      status,
      headers: { 'content-type': 'application/json;charset=UTF-8' },
    });
  }
  return new Response(classicXml(root, value, shape), {
    status,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
  });
}

/** The `<root><id>N</id></root>` answer Classic gives to POST, PUT and DELETE. */
export function classicIdResponse(root: string, id: number, status: number): Response {
  return new Response(`${XML_DECLARATION}<${root}><id>${id}</id></${root}>`, {
    status,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
  });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // An item element is a list only inside its list element (`<computers><computer>`), so
  // `<general><category>` in a policy stays an object.
  isArray: (name, jpath) => {
    const parts = String(jpath).split('.');
    const parent = parts[parts.length - 2];
    return parent !== undefined && ITEM_NAMES[parent] === name;
  },
});

const UNDECLARED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** A body as text, or undefined once it grows past `maxBodyBytes` (reading stops there). */
async function readText(request: Request, maxBodyBytes: number): Promise<string | undefined> {
  const reader = request.body?.getReader();
  if (reader === undefined) return '';
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    total += value.byteLength;
    if (total > maxBodyBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Reads a Classic XML body whose root element must be `root`. Returns the element's content, or
 * the HTML error Classic gives: 415 for a non-XML content type, 413 above `maxBodyBytes`, 400 for
 * unparseable XML, 409 for the wrong root element.
 */
export async function readClassicXml(
  request: Request,
  root: string,
  maxBodyBytes: number,
): Promise<{ value: Record<string, unknown> } | { error: Response }> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.includes('xml'))
    return { error: classicError(415, 'Content-Type must be application/xml or text/xml') };
  const text = await readText(request, maxBodyBytes);
  if (text === undefined)
    return { error: classicError(413, `Request body exceeds ${maxBodyBytes} bytes`) };
  if (text.trim() === '') return { error: classicError(400, 'The request body is empty') };
  const verdict = XMLValidator.validate(text);
  if (verdict !== true)
    return { error: classicError(400, `Unable to parse XML: ${verdict.err.msg}`) };
  // The validator lets two well-formedness errors through: undeclared entities and several roots.
  if (UNDECLARED_ENTITY.test(text)) {
    return { error: classicError(400, 'Unable to parse XML: undeclared entity') };
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    return { error: classicError(400, 'Unable to parse XML') };
  }
  const document =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const elements = Object.keys(document).filter((key) => key !== '?xml');
  if (elements.length !== 1 || elements[0] !== root) {
    return { error: classicError(409, `Root element must be <${root}>`) };
  }
  const value = document[root];
  if (Array.isArray(value)) {
    return { error: classicError(400, 'Unable to parse XML: more than one root element') };
  }
  return {
    value: typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {},
  };
}
