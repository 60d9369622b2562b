import {
  parseRsql as parseRsqlText,
  type RsqlArgument,
  RsqlError,
  type RsqlNode,
  type RsqlOperator,
} from '@jamf/core';
import { compareText } from './compare-text.js';
import { fieldValue } from './field-value.js';
import { QueryError, unknownFieldError } from './query-error.js';

/** A parsed RSQL filter, as a test over one object. */
export type RsqlPredicate = (item: unknown) => boolean;

/** The ordering operators under one spelling each. */
const ORDERING: Partial<Record<RsqlOperator, '<' | '<=' | '>' | '>='>> = {
  '=lt=': '<',
  '<': '<',
  '=le=': '<=',
  '<=': '<=',
  '=gt=': '>',
  '>': '>',
  '=ge=': '>=',
  '>=': '>=',
};

/**
 * Turns Jamf's RSQL `filter` into a predicate. The text is read by `parseRsql` of `@jamf/core`
 * — the grammar and escape rule `rsql` of `@jamf/pro-api` writes with, so `"50\*off"` is the
 * literal text and only a bare `*` is a wildcard — and evaluated as the mock emulates Jamf:
 * text compares case-insensitively, numerically when both sides are numbers, a wildcard only
 * in `==`/`!=`. An empty filter matches everything. (Jamf's case-insensitivity: unverified.)
 * @throws QueryError `INVALID_RSQL_FILTER` for bad syntax, `INVALID_FIELD` for a field outside
 * `allowedFields` (when given).
 */
export function parseRsql(filter: string, allowedFields?: readonly string[]): RsqlPredicate {
  let tree: RsqlNode | undefined;
  try {
    tree = parseRsqlText(filter);
  } catch (error) {
    if (!(error instanceof RsqlError)) throw error;
    throw new QueryError('INVALID_RSQL_FILTER', 'filter', `Invalid RSQL filter: ${error.message}`, {
      cause: error,
    });
  }
  return tree === undefined ? () => true : predicate(tree, allowedFields);
}

function predicate(node: RsqlNode, allowedFields: readonly string[] | undefined): RsqlPredicate {
  if (node.kind !== 'comparison') {
    const parts = node.operands.map((operand) => predicate(operand, allowedFields));
    return node.kind === 'and'
      ? (item) => parts.every((part) => part(item))
      : (item) => parts.some((part) => part(item));
  }
  const { field, operator, arguments: args } = node;
  if (allowedFields && !allowedFields.includes(field)) {
    throw unknownFieldError('filter', field, allowedFields);
  }
  if (operator === '=in=' || operator === '=out=') {
    const isIn = (item: unknown) => args.some((arg) => matches(fieldValue(item, field), arg));
    return operator === '=in=' ? isIn : (item) => !isIn(item);
  }
  const argument = args[0]!;
  if (operator === '==') return (item) => matches(fieldValue(item, field), argument);
  if (operator === '!=') return (item) => !matches(fieldValue(item, field), argument);
  // A `*` means nothing to an ordering: compare with the text as written.
  const ordering = ORDERING[operator]!;
  const text = argument.join('*');
  return (item) => ordered(fieldValue(item, field), ordering, text);
}

function asText(actual: unknown): string | undefined {
  if (actual === undefined || actual === null) return undefined;
  return typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
}

function matches(actual: unknown, expected: RsqlArgument): boolean {
  if (Array.isArray(actual)) return actual.some((entry) => matches(entry, expected));
  const text = asText(actual);
  if (expected.length === 1) {
    const literal = expected[0]!;
    if (text === undefined) return literal.toLowerCase() === 'null';
    return text.toLowerCase() === literal.toLowerCase();
  }
  if (text === undefined) return false;
  const pattern = expected.map((run) => run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`, 'is').test(text);
}

function ordered(actual: unknown, ordering: '<' | '<=' | '>' | '>=', expected: string): boolean {
  const text = asText(actual);
  if (text === undefined) return false;
  const a = Number(text);
  const b = Number(expected);
  const order =
    text.trim() !== '' && expected.trim() !== '' && Number.isFinite(a) && Number.isFinite(b)
      ? Math.sign(a - b)
      : compareText(text, expected);
  if (ordering === '<') return order < 0;
  if (ordering === '<=') return order <= 0;
  if (ordering === '>') return order > 0;
  return order >= 0;
}
