import { type OperationRef, requiredPrivileges } from './required-privileges.js';

/** Thrown by `leastPrivileges` for an operation Jamf's schema does not list privileges for. */
export class UnknownOperationError extends Error {
  override readonly name = 'UnknownOperationError';
  /** Stable code of this failure. */
  readonly code = 'UNKNOWN_OPERATION';
  /** The operations that were not found, as `'<METHOD> <path>'`. */
  readonly operations: readonly string[];

  constructor(operations: readonly string[], options?: ErrorOptions) {
    super(
      operations.length === 0
        ? "No operations given: pass a list such as ['GET /v1/computers-inventory']"
        : `No required privileges known for ${operations.join(', ')} (paths are relative to /api and use the schema's {placeholders})`,
      options,
    );
    this.operations = operations;
  }
}

const table: Readonly<Record<string, Readonly<Record<string, readonly string[]>> | undefined>> =
  requiredPrivileges;

/**
 * The smallest set of privileges an API role needs to make every given call: the union of each
 * operation's required privileges, deduplicated and sorted. Throws {@link UnknownOperationError}
 * (listing every unknown one) rather than silently granting too little.
 *
 * @example
 * leastPrivileges(['GET /v1/computers-inventory', { method: 'POST', path: '/v1/api-roles' }]);
 */
export function leastPrivileges(operations: Iterable<OperationRef>): string[] {
  if (operations === null || operations === undefined) throw new UnknownOperationError([]);
  const privileges = new Set<string>();
  const unknown: string[] = [];
  // A string is iterable too: one operation given bare would be read a character at a time.
  const list: Iterable<unknown> =
    typeof operations === 'string'
      ? [operations]
      : isIterable(operations)
        ? operations
        : [operations];
  for (const operation of list) {
    const { method, path } = parse(operation);
    const methods = Object.hasOwn(table, path) ? table[path] : undefined;
    const key = method.toLowerCase();
    const required =
      methods !== undefined && Object.hasOwn(methods, key) ? methods[key] : undefined;
    if (required === undefined) {
      unknown.push(`${method.toUpperCase()} ${path}`.trim());
      continue;
    }
    for (const privilege of required) privileges.add(privilege);
  }
  if (unknown.length > 0) throw new UnknownOperationError(unknown);
  return [...privileges].sort();
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

function parse(operation: unknown): { method: string; path: string } {
  if (typeof operation === 'object' && operation !== null && 'path' in operation) {
    const { method, path } = operation as { method?: unknown; path?: unknown };
    return { method: String(method), path: String(path) };
  }
  if (typeof operation !== 'string') return { method: '', path: String(operation) };
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(operation);
  return match ? { method: match[1]!, path: match[2]! } : { method: '', path: operation };
}
