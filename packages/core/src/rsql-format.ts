import { RsqlError } from './rsql-error.js';
import { RSQL_FIELD, type RsqlArgument, type RsqlNode } from './rsql-syntax.js';

/** Literal text that may stand unquoted: nothing RSQL reserves, no `*`, no `\`. */
const PLAIN = /^[A-Za-z0-9._:@+\-/]+$/;

/**
 * Writes one argument with the SDK's one RSQL escape rule, which {@link parseRsql} reads back:
 * plain text (letters, digits, `._:@+-/`) and wildcards stand unquoted; anything else is put in
 * double quotes, where `\` is written `\\`, `"` is `\"`, a literal `*` is `\*` and a wildcard is a
 * bare `*`. Backslash escapes inside quotes are rsql-parser's grammar; that Jamf Pro reads `\*` as
 * a literal star rather than a wildcard is unverified.
 *
 * @example
 * formatRsqlArgument(['50*off']); // "50\*off" (quoted, literal star)
 * formatRsqlArgument(['Lab ', '']); // "Lab *" (quoted, wildcard)
 */
export function formatRsqlArgument(argument: RsqlArgument): string {
  if (argument.length === 0) {
    throw new RsqlError('INVALID_RSQL', 'an RSQL argument needs at least one literal run');
  }
  const isPlain =
    argument.some((run) => run !== '') && argument.every((run) => run === '' || PLAIN.test(run));
  if (isPlain) return argument.join('*');
  const quoted = argument.map((run) =>
    run.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('*', '\\*'),
  );
  return `"${quoted.join('*')}"`;
}

/**
 * Writes a filter as RSQL text for a `filter` query parameter: `;` for `and`, `,` for `or`,
 * parentheses only around an `or` inside an `and`, `=in=`/`=out=` lists in parentheses and every
 * argument by {@link formatRsqlArgument}.
 *
 * @throws RsqlError `INVALID_RSQL_FIELD` for a field that is not a name, `EMPTY_RSQL_LIST` for an
 * empty group or list, `INVALID_RSQL` for a single-value operator given several arguments.
 */
export function formatRsql(node: RsqlNode): string {
  if (node.kind === 'comparison') {
    if (!RSQL_FIELD.test(node.field)) {
      throw new RsqlError(
        'INVALID_RSQL_FIELD',
        `not an RSQL field name: ${JSON.stringify(node.field)}`,
      );
    }
    const isList = node.operator === '=in=' || node.operator === '=out=';
    if (node.arguments.length === 0) {
      throw new RsqlError('EMPTY_RSQL_LIST', `${node.operator} needs at least one value`);
    }
    if (!isList && node.arguments.length !== 1) {
      throw new RsqlError('INVALID_RSQL', `${node.operator} takes exactly one value`);
    }
    const args = node.arguments.map(formatRsqlArgument);
    return `${node.field}${node.operator}${isList ? `(${args.join(',')})` : args[0]}`;
  }
  if (node.operands.length === 0) {
    throw new RsqlError('EMPTY_RSQL_LIST', `${node.kind} needs at least one operand`);
  }
  return node.operands
    .map((operand) =>
      node.kind === 'and' && operand.kind === 'or'
        ? `(${formatRsql(operand)})`
        : formatRsql(operand),
    )
    .join(node.kind === 'and' ? ';' : ',');
}
