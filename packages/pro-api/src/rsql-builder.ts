import {
  type RsqlOperator as AnyRsqlOperator,
  escapeRsqlPattern,
  formatRsql,
  parseRsqlPattern,
  RSQL_FIELD,
  type RsqlArgument,
  type RsqlComparison,
  RsqlError,
  type RsqlNode,
} from '@jamf/core';

/** A value a filter compares with; a `Date` is sent as its ISO 8601 instant. */
export type RsqlValue = string | number | bigint | boolean | Date;

/** A comparison operator the builder writes: `@jamf/core`'s, with `<` for `=lt=` and so on. */
export type RsqlOperator = Exclude<AnyRsqlOperator, '=lt=' | '=le=' | '=gt=' | '=ge='>;

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

/**
 * A pattern for `like`/`notLike`: literal text, with `*` standing for any run of characters,
 * `\*` for a literal star and `\\` for a literal backslash (`parseRsqlPattern` of `@jamf/core`).
 */
export type RsqlPattern = string;

class Comparison implements RsqlExpression {
  readonly kind = 'comparison';
  constructor(readonly node: RsqlComparison) {}
  toString(): string {
    return formatRsql(this.node);
  }
  toJSON(): string {
    return this.toString();
  }
}

class Group implements RsqlExpression {
  constructor(
    readonly kind: 'and' | 'or',
    readonly operands: readonly (Comparison | Group)[],
  ) {}
  get node(): RsqlNode {
    return { kind: this.kind, operands: this.operands.map((operand) => operand.node) };
  }
  toString(): string {
    return formatRsql(this.node);
  }
  toJSON(): string {
    return this.toString();
  }
}

function literal(value: RsqlValue): RsqlArgument {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RsqlError('INVALID_RSQL', 'an RSQL value cannot be an invalid Date');
    }
    return [value.toISOString()];
  }
  const kind = typeof value;
  if (kind === 'string' || kind === 'bigint' || kind === 'boolean') return [String(value)];
  if (kind === 'number' && Number.isFinite(value)) return [String(value)];
  // `String()` would write `[object Object]`, `undefined` or `NaN` into the filter.
  throw new RsqlError(
    'INVALID_RSQL',
    `an RSQL value is a string, finite number, bigint, boolean or Date, got ${
      value === null ? 'null' : kind === 'number' ? String(value) : kind
    }`,
  );
}

function checkField(field: string): string {
  if (typeof field !== 'string' || !RSQL_FIELD.test(field)) {
    throw new RsqlError(
      'INVALID_RSQL_FIELD',
      `not an RSQL field name: ${typeof field === 'string' ? JSON.stringify(field) : typeof field}`,
    );
  }
  return field;
}

function compare(field: string, operator: RsqlOperator, value: RsqlValue): RsqlExpression {
  return new Comparison({
    kind: 'comparison',
    field: checkField(field),
    operator,
    arguments: [literal(value)],
  });
}

function list(field: string, operator: '=in=' | '=out=', values: readonly RsqlValue[]) {
  if (!Array.isArray(values)) {
    throw new RsqlError('INVALID_RSQL', `${operator} takes an array of values`);
  }
  if (values.length === 0)
    throw new RsqlError('EMPTY_RSQL_LIST', `${operator} needs at least one value`);
  return new Comparison({
    kind: 'comparison',
    field: checkField(field),
    operator,
    arguments: values.map(literal),
  });
}

/** A comparison whose one argument has wildcards between the given literal runs. */
function matching(field: string, operator: '==' | '!=', literals: RsqlArgument): RsqlExpression {
  return new Comparison({
    kind: 'comparison',
    field: checkField(field),
    operator,
    arguments: [literals],
  });
}

function pattern(field: string, operator: '==' | '!=', text: RsqlPattern): RsqlExpression {
  return matching(field, operator, parseRsqlPattern(text));
}

function group(kind: 'and' | 'or', operands: readonly RsqlExpression[]): RsqlExpression {
  if (operands.length === 0)
    throw new RsqlError('EMPTY_RSQL_LIST', `${kind}() needs at least one expression`);
  // Flatten same-kind groups so the text carries no redundant parentheses.
  const flat = operands.flatMap((operand) => {
    if (!(operand instanceof Comparison || operand instanceof Group)) {
      throw new RsqlError('INVALID_RSQL', `${kind}() takes expressions built by rsql`);
    }
    return operand instanceof Group && operand.kind === kind ? operand.operands : [operand];
  });
  return flat.length === 1 ? flat[0]! : new Group(kind, flat);
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
  startsWith: (field, prefix) => matching(field, '==', [prefix, '']),
  endsWith: (field, suffix) => matching(field, '==', ['', suffix]),
  contains: (field, text) => matching(field, '==', ['', text, '']),
  and: (...operands) => group('and', operands),
  or: (...operands) => group('or', operands),
  escapePattern: escapeRsqlPattern,
};

/**
 * Builds Jamf Pro RSQL `filter` expressions with the SDK's one escape rule (`formatRsql` of
 * `@jamf/core`, which the mock server parses back): a value is quoted only when it has to be,
 * `"` and `\` are escaped, and a `*` in a plain value is sent escaped (literal), while `like`,
 * `startsWith`, `endsWith` and `contains` produce wildcards on purpose. A bad field name or an
 * empty list throws `RsqlError` (`INVALID_RSQL_FIELD`, `EMPTY_RSQL_LIST`).
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
