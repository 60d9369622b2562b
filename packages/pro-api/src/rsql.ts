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

/** Escapes `\` and `*` in text meant literally inside a {@link rsql.like} pattern. */
function escapePattern(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('*', '\\*');
}

/** The RSQL builder; `Field` is the union of field names it accepts. */
export interface RsqlBuilder<Field extends string = string> {
  /** `field==value`, matched exactly (a `*` in the value is literal). */
  eq(field: Field, value: RsqlValue): RsqlExpression;
  /** `field!=value`. */
  ne(field: Field, value: RsqlValue): RsqlExpression;
  /** `field<value`. */
  lt(field: Field, value: RsqlValue): RsqlExpression;
  /** `field<=value`. */
  le(field: Field, value: RsqlValue): RsqlExpression;
  /** `field>value`. */
  gt(field: Field, value: RsqlValue): RsqlExpression;
  /** `field>=value`. */
  ge(field: Field, value: RsqlValue): RsqlExpression;
  /** `field=in=(a,b,…)`: equal to any of the values. */
  in(field: Field, values: readonly RsqlValue[]): RsqlExpression;
  /** `field=out=(a,b,…)`: equal to none of the values. */
  out(field: Field, values: readonly RsqlValue[]): RsqlExpression;
  /** `field=="pattern"` where `*` in the pattern matches any run of characters, `\*` a star. */
  like(field: Field, pattern: RsqlPattern): RsqlExpression;
  /** `field!="pattern"`, the negation of `like`. */
  notLike(field: Field, pattern: RsqlPattern): RsqlExpression;
  /** Values starting with `prefix` (taken literally). */
  startsWith(field: Field, prefix: string): RsqlExpression;
  /** Values ending with `suffix` (taken literally). */
  endsWith(field: Field, suffix: string): RsqlExpression;
  /** Values containing `text` (taken literally). */
  contains(field: Field, text: string): RsqlExpression;
  /** All of the expressions (`;`). */
  and(...operands: RsqlExpression[]): RsqlExpression;
  /** Any of the expressions (`,`). */
  or(...operands: RsqlExpression[]): RsqlExpression;
  /** Escapes `\` and `*` in text you splice into a `like` pattern, so it is matched literally. */
  escapePattern(text: string): string;
}

const builder: RsqlBuilder = {
  eq: (field, value) => compare(field, '==', value),
  ne: (field, value) => compare(field, '!=', value),
  lt: (field, value) => compare(field, '<', value),
  le: (field, value) => compare(field, '<=', value),
  gt: (field, value) => compare(field, '>', value),
  ge: (field, value) => compare(field, '>=', value),
  in: (field, values) => list(field, '=in=', values),
  out: (field, values) => list(field, '=out=', values),
  like: (field, text) => pattern(field, '==', text),
  notLike: (field, text) => pattern(field, '!=', text),
  startsWith: (field, prefix) => pattern(field, '==', `${escapePattern(prefix)}*`),
  endsWith: (field, suffix) => pattern(field, '==', `*${escapePattern(suffix)}`),
  contains: (field, text) => pattern(field, '==', `*${escapePattern(text)}*`),
  and: (...operands) => group('and', operands),
  or: (...operands) => group('or', operands),
  escapePattern,
};

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
export const rsql: RsqlBuilder = builder;

/**
 * The same builder restricted to the fields an endpoint accepts, so a misspelt field is a type
 * error. The field list is yours to give; Jamf's schema does not describe filter fields.
 *
 * @example
 * const q = rsqlFor<'name' | 'serialNumber'>();
 * q.eq('name', 'Lab 1');
 */
export function rsqlFor<Field extends string>(): RsqlBuilder<Field> {
  return builder;
}
