/**
 * A comparison operator of RSQL as Jamf Pro accepts it (rsql-parser's set): `==` (with `*`
 * wildcards), `!=`, the FIQL forms `=lt=` `=le=` `=gt=` `=ge=` and their aliases `<` `<=` `>`
 * `>=`, and the list operators `=in=` and `=out=`.
 */
export type RsqlOperator =
  | '=='
  | '!='
  | '=lt='
  | '=le='
  | '=gt='
  | '=ge='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=in='
  | '=out=';

/**
 * One argument of a comparison, as the literal runs between its wildcards: `["50*off"]` is the
 * literal text `50*off`, `["50", "off"]` is `50` then anything then `off`, `["", "x", ""]` is
 * "contains x". One entry means no wildcard; wildcards only mean something to `==` and `!=`.
 */
export type RsqlArgument = readonly string[];

/** `field operator argument(s)`: one test of a filter. */
export interface RsqlComparison {
  readonly kind: 'comparison';
  /** A field path such as `general.name`. */
  readonly field: string;
  /** The operator as written (aliases are kept: `<` stays `<`). */
  readonly operator: RsqlOperator;
  /** One argument, or one or more for `=in=` and `=out=`. */
  readonly arguments: readonly RsqlArgument[];
}

/** `a;b` (`and`) or `a,b` (`or`) over two or more operands; `;` binds tighter than `,`. */
export interface RsqlGroup {
  readonly kind: 'and' | 'or';
  readonly operands: readonly RsqlNode[];
}

/** A parsed or to-be-formatted RSQL filter. */
export type RsqlNode = RsqlComparison | RsqlGroup;

/** The field names the formatter writes and the parser reads. */
export const RSQL_FIELD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
