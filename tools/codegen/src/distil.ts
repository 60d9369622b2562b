/** Keys whose values are Jamf's prose or illustrations rather than facts about the API. */
const PROSE_KEYS = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'termsOfService',
  'contact',
  'license',
  'title',
  'x-codegen-request-body-name',
]);

/** Keys whose value is a map from names (paths, properties, status codes, …) to nodes. */
const NAME_MAPS = new Set([
  'paths',
  'properties',
  'patternProperties',
  'responses',
  'content',
  'schemas',
  'parameters',
  'securitySchemes',
  'headers',
  'requestBodies',
  'encoding',
  'callbacks',
  'links',
  'definitions',
  'variables',
  'mapping',
]);

/** Provenance recorded in `x-jamf-source` of every distilled document. */
export interface Provenance {
  /** Which API the document describes, e.g. "Jamf Pro API". */
  product: string;
  /** The Jamf Pro version the source was served by, e.g. "11.30.1". */
  jamfProVersion: string;
}

/**
 * Copies an OpenAPI/Swagger document keeping only facts: paths, methods, parameters, schemas,
 * enums, flags and `x-` extensions. Prose (descriptions, summaries, examples, titles, terms) is
 * dropped; response descriptions, which OpenAPI requires, become empty strings. The field names
 * a `filter` or `sort` parameter documents as allowed become its `x-jamf-fields`.
 */
export function distil(
  document: Record<string, unknown>,
  provenance: Provenance,
): Record<string, unknown> {
  const facts = cleanNode(document) as Record<string, unknown>;
  facts.info = { title: provenance.product, version: provenance.jamfProVersion };
  facts['x-jamf-source'] = { ...provenance, distilledBy: '@jamf/codegen' };
  for (const pathItem of Object.values(
    (facts.paths ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && 'responses' in operation) {
        requireResponseDescriptions((operation as { responses: unknown }).responses);
      }
    }
  }
  const components = facts.components as { responses?: unknown } | undefined;
  if (components?.responses) requireResponseDescriptions(components.responses);
  return facts;
}

/**
 * The field names a `filter` or `sort` query parameter's description lists as allowed ("Fields
 * allowed in the query: `general.name`, `udid`, …"): facts (names), kept as `x-jamf-fields`
 * when the prose around them is dropped, so a mock can accept what Jamf documents.
 */
export function documentedQueryFields(parameter: Record<string, unknown>): string[] | undefined {
  if (parameter.in !== 'query' || (parameter.name !== 'filter' && parameter.name !== 'sort')) {
    return undefined;
  }
  const text = typeof parameter.description === 'string' ? parameter.description : '';
  const list = /Fields allowed in the (?:query|sort)[^:]*:([\s\S]*?)(?:\n\s*\n|$)/.exec(text)?.[1];
  if (list === undefined) return undefined;
  const names = list.includes('`')
    ? [...list.matchAll(/`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`/g)].map((match) => match[1] as string)
    : plainNames(list);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/**
 * Names of a list written without backticks ("id, username, date, note, details Multiple sort…",
 * "id, displayName. Example: …"): the name leading each comma-separated piece, up to the first
 * piece with more text after its name.
 */
function plainNames(list: string): string[] {
  const names: string[] = [];
  for (const piece of list.split(',')) {
    const match = /^\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(.*)$/s.exec(piece);
    if (match === null) break;
    names.push(match[1] as string);
    // Text after the name ("isSmart. This param…", "details Multiple sort…") ends the list.
    if ((match[2] as string).trim() !== '') break;
  }
  return names;
}

function cleanNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanNode);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const fields = documentedQueryFields(node as Record<string, unknown>);
  if (fields !== undefined) out['x-jamf-fields'] = fields;
  for (const [key, value] of Object.entries(node)) {
    if (PROSE_KEYS.has(key)) continue;
    if (key === 'scopes' && isPlainObject(value)) {
      // OAuth scopes map a scope name to its prose; the names are the facts.
      out[key] = Object.fromEntries(Object.keys(value).map((name) => [name, '']));
    } else if (NAME_MAPS.has(key) && isPlainObject(value) && !('$ref' in value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, cleanNode(child)]),
      );
    } else {
      out[key] = cleanNode(value);
    }
  }
  return out;
}

function requireResponseDescriptions(responses: unknown): void {
  if (!isPlainObject(responses)) return;
  for (const response of Object.values(responses)) {
    if (isPlainObject(response) && !('$ref' in response)) response.description = '';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
