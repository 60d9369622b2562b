/** A lookup path of a Classic resource, e.g. `/computers/serialnumber/{serialnumber}`. */
export interface ClassicLookup {
  /** Path template relative to `/JSSResource`. */
  path: string;
  /** Name of the path parameter holding the value. */
  param: string;
  /** HTTP methods (lower case) the swagger declares on this path. */
  methods: string[];
}

/** What the typed client needs to know about one Classic resource. */
export interface ClassicResource {
  /** First path segment, e.g. `computergroups`. */
  segment: string;
  /** Root element of one object (XML and JSON), e.g. `computer_group`. */
  root: string;
  /** Component schema of one object. */
  schema: string;
  /** Root element and schema of the list answered by `GET /<segment>`, when there is one. */
  list?: { path: string; root: string; schema: string };
  /** Lookups by key (`id`, `name`, `serialnumber`, `udid`, `macaddress`). */
  lookups: Record<string, ClassicLookup>;
  /** A singleton (`/gsxconnection`): read and updated at `/<segment>` itself. */
  singleton?: { path: string; methods: string[] };
}

/** Path words that address one object, and the key the typed client exposes for each. */
const LOOKUP_WORDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  serialnumber: 'serialnumber',
  udid: 'udid',
  macaddress: 'macaddress',
};

/**
 * `/accounts` holds two kinds of object told apart by the lookup word (`groupid`, `userid`, …);
 * the schemas document names them `account-groups` and `account-users`.
 */
const ACCOUNT_LOOKUPS: Record<string, { resource: string; key: string }> = {
  groupid: { resource: 'accountgroups', key: 'id' },
  groupname: { resource: 'accountgroups', key: 'name' },
  userid: { resource: 'accountusers', key: 'id' },
  username: { resource: 'accountusers', key: 'name' },
};

/** How the schemas document maps a resource to its schema and root element. */
export interface SchemaResourceFacts {
  schema: string;
  root: string;
}

/**
 * Derives the resource table from the swagger's paths and the schemas: a resource is a first
 * path segment with an object schema; its list, lookups and singleton form come from the paths.
 */
export function findClassicResources(
  paths: Record<string, Record<string, unknown>>,
  schemas: Record<string, unknown>,
  schemaResources: Record<string, SchemaResourceFacts>,
): Record<string, ClassicResource> {
  const bySegment = new Map<string, string[]>();
  for (const path of Object.keys(paths).sort()) {
    const segment = path.split('/')[1] ?? '';
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), path]);
  }
  const schemaByBareName = new Map(
    Object.keys(schemas).map((name) => [name.replaceAll('_', ''), name]),
  );
  const resources: Record<string, ClassicResource> = {};

  for (const [segment, segmentPaths] of bySegment) {
    const listSchemaName = schemaByBareName.get(segment);
    const listSchema = listSchemaName
      ? (schemas[listSchemaName] as Record<string, unknown>)
      : undefined;
    const item = listSchema?.['x-jamf-classic-item'];
    const object = objectFacts(
      segment,
      typeof item === 'string' ? item : undefined,
      schemas,
      schemaResources,
    );
    if (segment === 'accounts') {
      addAccountResources(segmentPaths, paths, schemaResources, resources);
      continue;
    }
    if (!object) continue;
    const lookups: Record<string, ClassicLookup> = {};
    for (const path of segmentPaths) {
      const match = /^\/[^/]+\/([a-z]+)\/\{([^}]+)\}$/.exec(path);
      const key = match?.[1] ? LOOKUP_WORDS[match[1]] : undefined;
      if (!match?.[2] || !key) continue;
      lookups[key] = { path, param: match[2], methods: methodsOf(paths[path]) };
    }
    const rootPath = `/${segment}`;
    const resource: ClassicResource = { segment, ...object, lookups };
    const rootMethods = paths[rootPath] ? methodsOf(paths[rootPath]) : [];
    if (listSchemaName && listSchema?.type === 'array' && rootMethods.includes('get')) {
      // The list's element is the schema's XML name where it has one: Jamf lists mobile device
      // configuration profiles under `configuration_profiles` (ruby-jss, python-jamf).
      const root = xmlNameOf(listSchema) ?? listSchemaName;
      resource.list = { path: rootPath, root, schema: listSchemaName };
    } else if (Object.keys(lookups).length === 0 && rootMethods.includes('get')) {
      resource.singleton = { path: rootPath, methods: rootMethods };
    }
    if (!resource.list && !resource.singleton && Object.keys(lookups).length === 0) continue;
    resources[segment] = resource;
  }
  return resources;
}

function objectFacts(
  segment: string,
  item: string | undefined,
  schemas: Record<string, unknown>,
  schemaResources: Record<string, SchemaResourceFacts>,
): SchemaResourceFacts | undefined {
  const documented = schemaResources[segment];
  if (documented && documented.schema in schemas)
    return { schema: documented.schema, root: documented.root };
  // Where Jamf documents a separate write shape (`*_post`), it is the fuller one: prefer it.
  // The root is the item's XML name where the schema gives one (`computer_report` answers as
  // `computer_reports`, as python-jamf reads a live server).
  for (const schema of item ? [`${item}_post`, item] : []) {
    if (schema in schemas) {
      const named = xmlNameOf(schemas[item as string] as Record<string, unknown> | undefined);
      return { schema, root: named ?? (item as string) };
    }
  }
  // A segment named after an object schema (`/computerhistory` → `computer_history`) answers
  // that object under its own name.
  const bare = Object.keys(schemas).find((name) => name.replaceAll('_', '') === segment);
  const bareSchema = bare === undefined ? undefined : (schemas[bare] as Record<string, unknown>);
  if (bare !== undefined && bareSchema?.type !== 'array' && !item)
    return { schema: bare, root: bare };
  return undefined;
}

function addAccountResources(
  segmentPaths: string[],
  paths: Record<string, Record<string, unknown>>,
  schemaResources: Record<string, SchemaResourceFacts>,
  resources: Record<string, ClassicResource>,
): void {
  for (const path of segmentPaths) {
    const match = /^\/accounts\/([a-z]+)\/\{([^}]+)\}$/.exec(path);
    const lookup = match?.[1] ? ACCOUNT_LOOKUPS[match[1]] : undefined;
    if (!match?.[2] || !lookup) continue;
    const facts =
      schemaResources[lookup.resource === 'accountgroups' ? 'account-groups' : 'account-users'];
    if (!facts) continue;
    resources[lookup.resource] ??= {
      segment: 'accounts',
      schema: facts.schema,
      root: facts.root,
      lookups: {},
    };
    const resource = resources[lookup.resource];
    if (resource)
      resource.lookups[lookup.key] = { path, param: match[2], methods: methodsOf(paths[path]) };
  }
}

/** A schema's `xml.name`, if it has one. */
function xmlNameOf(schema: Record<string, unknown> | undefined): string | undefined {
  const name = (schema?.xml as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function methodsOf(item: Record<string, unknown> | undefined): string[] {
  return ['get', 'post', 'put', 'delete'].filter((method) => item?.[method] !== undefined);
}
