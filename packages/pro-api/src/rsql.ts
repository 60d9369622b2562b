/** A value a filter compares with; a `Date` is sent as its ISO 8601 instant. */
export type RsqlValue = string | number | bigint | boolean | Date;

/** A comparison operator of Jamf's RSQL. */
export type RsqlOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=in=' | '=out=';

/**
 * A filter expression. `String(expression)` (or a template literal) gives the text for a
 * `filter` query parameter.
 */
export interface RsqlExpression {
  /** `comparison` for one test, `and`/`or` for a group. */
  readonly kind: 'comparison' | 'and' | 'or';
  /** The RSQL text, parenthesised only where precedence needs it. */
  toString(): string;
}

/** A pattern for `like`/`notLike`: literal text, with `*` standing for any run of characters. */
export type RsqlPattern = string;

/** Marks a wildcard inside an argument; every other part is literal text. */
const WILDCARD = Symbol('wildcard');
type Argument = readonly (string | typeof WILDCARD)[];

class Comparison implements RsqlExpression {
  readonly kind = 'comparison';
  constructor(
    readonly field: string,
    readonly operator: RsqlOperator,
    readonly values: readonly Argument[],
  ) {}
  toString(): string {
    const list = this.operator === '=in=' || this.operator === '=out=';
    const args = this.values.map(encodeArgument);
    return `${this.field}${this.operator}${list ? `(${args.join(',')})` : args[0]}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

class Group implements RsqlExpression {
  constructor(
    readonly kind: 'and' | 'or',
    readonly operands: readonly RsqlExpression[],
  ) {}
  toString(): string {
    const separator = this.kind === 'and' ? ';' : ',';
    return this.operands
      .map((operand) =>
        // `;` binds tighter than `,`, so only an `or` inside an `and` needs parentheses.
        this.kind === 'and' && operand.kind === 'or' ? `(${operand})` : String(operand),
      )
      .join(separator);
  }
  toJSON(): string {
    return this.toString();
  }
}

/** Characters that may stand unquoted in an argument; anything else is quoted. */
const PLAIN = /^[A-Za-z0-9._:@+\-/]+$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function literal(value: RsqlValue): Argument {
  return [value instanceof Date ? value.toISOString() : String(value)];
}

/** Reads a pattern: `*` is a wildcard, `\*` a literal star, `\\` a literal backslash. */
function parsePattern(text: RsqlPattern): Argument {
  const parts: (string | typeof WILDCARD)[] = [];
  let run = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && (next === '*' || next === '\\')) {
      run += next;
      i += 1;
    } else if (char === '*') {
      if (run !== '') parts.push(run);
      parts.push(WILDCARD);
      run = '';
    } else {
      run += char;
    }
  }
  if (run !== '') parts.push(run);
  return parts;
}

function encodeArgument(argument: Argument): string {
  const isPlain =
    argument.length > 0 && argument.every((part) => part === WILDCARD || PLAIN.test(part));
  if (isPlain) return argument.map((part) => (part === WILDCARD ? '*' : part)).join('');
  const quoted = argument.map((part) =>
    // Inside quotes a backslash escapes the next character; a literal star is sent as `\*`.
    part === WILDCARD
      ? '*'
      : part.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('*', '\\*'),
  );
  return `"${quoted.join('')}"`;
}

function checkField(field: string): string {
  if (!FIELD.test(field)) {
    throw new TypeError(`Not an RSQL field name: ${JSON.stringify(field)}`);
  }
  return field;
}

function compare(field: string, operator: RsqlOperator, value: RsqlValue): RsqlExpression {
  return new Comparison(checkField(field), operator, [literal(value)]);
}

function list(field: string, operator: '=in=' | '=out=', values: readonly RsqlValue[]) {
  if (values.length === 0) throw new RangeError(`${operator} needs at least one value`);
  return new Comparison(checkField(field), operator, values.map(literal));
}

function pattern(field: string, operator: '==' | '!=', text: RsqlPattern): RsqlExpression {
  return new Comparison(checkField(field), operator, [parsePattern(text)]);
}

function group(kind: 'and' | 'or', operands: readonly RsqlExpression[]): RsqlExpression {
  if (operands.length === 0) throw new RangeError(`${kind}() needs at least one expression`);
  // Flatten same-kind groups so the text carries no redundant parentheses.
  const flat = operands.flatMap((operand) =>
    operand instanceof Group && operand.kind === kind ? operand.operands : [operand],
  );
  return flat.length === 1 ? flat[0]! : new Group(kind, flat);
}

/** Escapes `\\` and `*` in text meant literally inside a {@link rsql.like} pattern. */
function escapePattern(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('*', '\\*');
}

/**
 * Builds Jamf Pro RSQL `filter` expressions with correct quoting: a value is quoted only when
 * it has to be, `"` and `\` are escaped, and a `*` in a plain value is sent escaped (literal),
 * while `like`, `startsWith`, `endsWith` and `contains` produce wildcards on purpose.
 * `and` renders as `;`, `or` as `,`, with parentheses only where precedence needs them.
 *
 * @example
 * const filter = rsql.and(
 *   rsql.eq('general.platform', 'Mac'),
 *   rsql.or(rsql.startsWith('general.name', 'Lab '), rsql.in('general.site.name', ['HQ', 'Annex'])),
 * );
 * String(filter); // general.platform==Mac;(general.name=="Lab *",general.site.name=in=(HQ,Annex))
 */
export const rsql = {
  /** `field==value`, matched exactly (a `*` in the value is literal). */
  eq: (field: string, value: RsqlValue) => compare(field, '==', value),
  /** `field!=value`. */
  ne: (field: string, value: RsqlValue) => compare(field, '!=', value),
  /** `field<value`. */
  lt: (field: string, value: RsqlValue) => compare(field, '<', value),
  /** `field<=value`. */
  le: (field: string, value: RsqlValue) => compare(field, '<=', value),
  /** `field>value`. */
  gt: (field: string, value: RsqlValue) => compare(field, '>', value),
  /** `field>=value`. */
  ge: (field: string, value: RsqlValue) => compare(field, '>=', value),
  /** `field=in=(a,b,…)`: equal to any of the values. */
  in: (field: string, values: readonly RsqlValue[]) => list(field, '=in=', values),
  /** `field=out=(a,b,…)`: equal to none of the values. */
  out: (field: string, values: readonly RsqlValue[]) => list(field, '=out=', values),
  /** `field=="pattern"` where `*` in the pattern matches any run of characters. */
  like: (field: string, pattern_: RsqlPattern) => pattern(field, '==', pattern_),
  /** `field!="pattern"`, the negation of {@link rsql.like}. */
  notLike: (field: string, pattern_: RsqlPattern) => pattern(field, '!=', pattern_),
  /** Values starting with `prefix` (taken literally). */
  startsWith: (field: string, prefix: string) => pattern(field, '==', `${escapePattern(prefix)}*`),
  /** Values ending with `suffix` (taken literally). */
  endsWith: (field: string, suffix: string) => pattern(field, '==', `*${escapePattern(suffix)}`),
  /** Values containing `text` (taken literally). */
  contains: (field: string, text: string) => pattern(field, '==', `*${escapePattern(text)}*`),
  /** All of the expressions (`;`). */
  and: (...operands: RsqlExpression[]) => group('and', operands),
  /** Any of the expressions (`,`). */
  or: (...operands: RsqlExpression[]) => group('or', operands),
  /** Escapes `*` in text you splice into a `like` pattern, so it is matched literally. */
  escapePattern,
} as const;
