import { type HttpMethod, listOperations } from './operations.js';

/** A method, path pair; `path` is as the document writes it (relative to its server). */
export interface OperationRef {
  method: HttpMethod;
  path: string;
}

/** What happened to one parameter of an operation present in both documents. */
export interface ParameterChange extends OperationRef {
  /** The parameter's name. */
  name: string;
  kind: 'added' | 'removed' | 'required' | 'type' | 'location';
  /** Location (`query`, `path`, `header`, `cookie`) in the newer document, or the older one when removed. */
  in: string;
  /** For `required`, `type` and `location`: the value in the older document. */
  before?: string | boolean;
  /** For `required`, `type` and `location`: the value in the newer document. */
  after?: string | boolean;
}

/** Privileges (`x-required-privileges`) that an operation present in both documents gained or lost. */
export interface PrivilegeChange extends OperationRef {
  added: string[];
  removed: string[];
}

/** An operation present in both documents whose `deprecated` flag flipped. */
export interface DeprecationChange extends OperationRef {
  /** The flag in the newer document. */
  deprecated: boolean;
}

/**
 * The differences between two versions of an OpenAPI document, as `jamf-codegen diff --json`
 * prints it. Every list is sorted by path, then method (then parameter name).
 */
export interface SpecDiff {
  from: DocumentLabel;
  to: DocumentLabel;
  operationsAdded: OperationRef[];
  operationsRemoved: OperationRef[];
  parameterChanges: ParameterChange[];
  privilegeChanges: PrivilegeChange[];
  deprecationChanges: DeprecationChange[];
}

/** Names a compared document: where it came from and the `info.version` it declares. */
export interface DocumentLabel {
  source: string;
  version: string | undefined;
}

interface ParameterFacts {
  name: string;
  in: string;
  required: boolean;
  type: string;
}

/**
 * Compares two OpenAPI 3 (or Swagger 2) documents operation by operation: operations added and
 * removed, parameters changed, required privileges changed, deprecation flipped.
 * Use it to see what a Jamf Pro upgrade changes before regenerating the SDK.
 */
export function diffSpecs(
  older: Record<string, unknown>,
  newer: Record<string, unknown>,
  labels: { from: string; to: string } = { from: 'A', to: 'B' },
): SpecDiff {
  const before = indexOperations(older);
  const after = indexOperations(newer);
  const result: SpecDiff = {
    from: { source: labels.from, version: jamfVersion(older, labels.from) },
    to: { source: labels.to, version: jamfVersion(newer, labels.to) },
    operationsAdded: [],
    operationsRemoved: [],
    parameterChanges: [],
    privilegeChanges: [],
    deprecationChanges: [],
  };
  for (const [key, op] of before) {
    if (!after.has(key)) result.operationsRemoved.push(ref(op.method, op.path));
  }
  for (const [key, next] of after) {
    const prev = before.get(key);
    if (!prev) {
      result.operationsAdded.push(ref(next.method, next.path));
      continue;
    }
    const at = ref(next.method, next.path);
    result.parameterChanges.push(...diffParameters(at, prev.parameters, next.parameters));
    const added = next.privileges.filter((p) => !prev.privileges.includes(p));
    const removed = prev.privileges.filter((p) => !next.privileges.includes(p));
    if (added.length > 0 || removed.length > 0)
      result.privilegeChanges.push({ ...at, added, removed });
    if (prev.deprecated !== next.deprecated) {
      result.deprecationChanges.push({ ...at, deprecated: next.deprecated });
    }
  }
  const byOperation = (a: OperationRef, b: OperationRef) =>
    compare(a.path, b.path) || compare(a.method, b.method);
  result.operationsAdded.sort(byOperation);
  result.operationsRemoved.sort(byOperation);
  result.parameterChanges.sort((a, b) => byOperation(a, b) || compare(a.name, b.name));
  result.privilegeChanges.sort(byOperation);
  result.deprecationChanges.sort(byOperation);
  return result;
}

/** True when the diff found nothing. */
export function isEmptyDiff(diff: SpecDiff): boolean {
  return (
    diff.operationsAdded.length +
      diff.operationsRemoved.length +
      diff.parameterChanges.length +
      diff.privilegeChanges.length +
      diff.deprecationChanges.length ===
    0
  );
}

/** Renders a diff as the readable report `jamf-codegen diff` prints. */
export function formatDiff(diff: SpecDiff): string {
  const label = (d: DocumentLabel) => (d.version ? `${d.source} (${d.version})` : d.source);
  const op = (o: OperationRef) => `${o.method.toUpperCase()} ${o.path}`;
  const lines = [`${label(diff.from)} → ${label(diff.to)}`];
  const section = <T>(title: string, items: T[], line: (item: T) => string) => {
    lines.push('', `${title} (${items.length})`);
    for (const item of items) lines.push(`  ${line(item)}`);
  };
  section('Operations added', diff.operationsAdded, (o) => `+ ${op(o)}`);
  section('Operations removed', diff.operationsRemoved, (o) => `- ${op(o)}`);
  section('Parameters changed', diff.parameterChanges, (c) => {
    const what = `${op(c)}  ${c.in} ${c.name}`;
    if (c.kind === 'added') return `${what}: added${c.after === true ? ' (required)' : ''}`;
    if (c.kind === 'removed') return `${what}: removed`;
    if (c.kind === 'type' && isEnumSpelling(c.before) && isEnumSpelling(c.after)) {
      const was = c.before.split('|');
      const now = c.after.split('|');
      const delta = [
        ...now.filter((v) => !was.includes(v)).map((v) => `+${v}`),
        ...was.filter((v) => !now.includes(v)).map((v) => `-${v}`),
      ];
      return `${what}: enum ${delta.join(' ')}`;
    }
    return `${what}: ${c.kind === 'location' ? 'location' : c.kind} ${c.before} → ${c.after}`;
  });
  section('Required privileges changed', diff.privilegeChanges, (c) =>
    [op(c), ...c.added.map((p) => `+"${p}"`), ...c.removed.map((p) => `-"${p}"`)].join('  '),
  );
  section(
    'Deprecation changed',
    diff.deprecationChanges,
    (c) => `${op(c)}: ${c.deprecated ? 'now deprecated' : 'no longer deprecated'}`,
  );
  return `${lines.join('\n')}\n`;
}

interface IndexedOperation extends OperationRef {
  parameters: ParameterFacts[];
  privileges: string[];
  deprecated: boolean;
}

function indexOperations(document: Record<string, unknown>): Map<string, IndexedOperation> {
  const index = new Map<string, IndexedOperation>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const { method, path, operation } of listOperations(document)) {
    const shared = asArray(paths[path]?.parameters);
    const own = asArray(operation.parameters);
    const merged = new Map<string, ParameterFacts>();
    // Operation-level parameters override path-level ones with the same name and location.
    for (const raw of [...shared, ...own]) {
      const facts = parameterFacts(document, raw);
      if (facts) merged.set(`${facts.in} ${facts.name}`, facts);
    }
    const privileges = operation['x-required-privileges'];
    index.set(`${method} ${path}`, {
      method,
      path,
      parameters: [...merged.values()],
      privileges: Array.isArray(privileges) ? privileges.map(String) : [],
      deprecated: operation.deprecated === true,
    });
  }
  return index;
}

function diffParameters(
  at: OperationRef,
  before: ParameterFacts[],
  after: ParameterFacts[],
): ParameterChange[] {
  const changes: ParameterChange[] = [];
  const key = (p: ParameterFacts) => `${p.in} ${p.name}`;
  const oldByKey = new Map(before.map((p) => [key(p), p]));
  const newByKey = new Map(after.map((p) => [key(p), p]));
  const gone = before.filter((p) => !newByKey.has(key(p)));
  const fresh = after.filter((p) => !oldByKey.has(key(p)));
  for (const prev of gone) {
    const moved = fresh.find((p) => p.name === prev.name);
    if (moved) {
      fresh.splice(fresh.indexOf(moved), 1);
      changes.push({
        ...at,
        name: prev.name,
        kind: 'location',
        in: moved.in,
        before: prev.in,
        after: moved.in,
      });
      changes.push(...compareParameter(at, prev, moved));
    } else {
      changes.push({ ...at, name: prev.name, kind: 'removed', in: prev.in });
    }
  }
  for (const next of fresh) {
    changes.push({ ...at, name: next.name, kind: 'added', in: next.in, after: next.required });
  }
  for (const next of after) {
    const prev = oldByKey.get(key(next));
    if (prev) changes.push(...compareParameter(at, prev, next));
  }
  return changes;
}

function compareParameter(
  at: OperationRef,
  prev: ParameterFacts,
  next: ParameterFacts,
): ParameterChange[] {
  const changes: ParameterChange[] = [];
  if (prev.required !== next.required) {
    changes.push({
      ...at,
      name: next.name,
      kind: 'required',
      in: next.in,
      before: prev.required,
      after: next.required,
    });
  }
  if (prev.type !== next.type) {
    changes.push({
      ...at,
      name: next.name,
      kind: 'type',
      in: next.in,
      before: prev.type,
      after: next.type,
    });
  }
  return changes;
}

function parameterFacts(
  document: Record<string, unknown>,
  raw: unknown,
): ParameterFacts | undefined {
  const param = resolveRef(document, raw);
  if (!param || typeof param.name !== 'string' || typeof param.in !== 'string') return undefined;
  // OpenAPI 3 types a parameter with `schema`; Swagger 2 puts `type` on the parameter itself.
  const schema = 'schema' in param ? param.schema : param;
  return {
    name: param.name,
    in: param.in,
    required: param.required === true,
    type: describeType(document, schema),
  };
}

/** A short, comparable spelling of a schema's type: `string`, `integer(int64)`, `array<Foo>`, `"A"|"B"`. */
function describeType(document: Record<string, unknown>, node: unknown, depth = 0): string {
  if (!isRecord(node)) return 'unknown';
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').pop() ?? node.$ref;
    const target = depth < 4 ? resolveRef(document, node) : undefined;
    // A named schema is compared by its resolved shape, so a rename alone is not a type change.
    return target && !isRecord(target.properties)
      ? describeType(document, target, depth + 1)
      : name;
  }
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join('|');
  if (node.type === 'array') return `array<${describeType(document, node.items, depth + 1)}>`;
  const type =
    typeof node.type === 'string'
      ? node.type
      : Array.isArray(node.type)
        ? node.type.join('|')
        : 'unknown';
  return typeof node.format === 'string' ? `${type}(${node.format})` : type;
}

function isEnumSpelling(value: unknown): value is string {
  return typeof value === 'string' && /^(".*"|-?\d[\d.]*|true|false|null)(\|.*)?$/.test(value);
}

function resolveRef(
  document: Record<string, unknown>,
  node: unknown,
): Record<string, unknown> | undefined {
  let current = node;
  for (let hops = 0; hops < 8 && isRecord(current) && typeof current.$ref === 'string'; hops++) {
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) return undefined;
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (isRecord(at) ? at[part] : undefined), document);
  }
  return isRecord(current) ? current : undefined;
}

/** The Jamf Pro version: from a distilled spec's provenance, the source's name, else `info.version`. */
function jamfVersion(document: Record<string, unknown>, source: string): string | undefined {
  const provenance = document['x-jamf-source'];
  if (isRecord(provenance) && typeof provenance.jamfProVersion === 'string') {
    return provenance.jamfProVersion;
  }
  const fromName = /(\d+\.\d+\.\d+)/.exec(source.split('/').pop() ?? '')?.[1];
  if (fromName) return fromName;
  const info = document.info;
  return isRecord(info) && typeof info.version === 'string' ? info.version : undefined;
}

function ref(method: HttpMethod, path: string): OperationRef {
  return { method, path };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
