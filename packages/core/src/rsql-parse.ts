import { RsqlError } from './rsql-error.js';
import type { RsqlArgument, RsqlComparison, RsqlNode, RsqlOperator } from './rsql-syntax.js';

/** Longest first, so `<=` is not read as `<`. */
const OPERATORS: readonly RsqlOperator[] = [
  '==',
  '!=',
  '=lt=',
  '=le=',
  '=gt=',
  '=ge=',
  '=in=',
  '=out=',
  '<=',
  '>=',
  '<',
  '>',
];

/** rsql-parser's reserved characters, which end an unquoted argument. */
const UNQUOTED = /^[^\s"'();,=<>!~]+/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]*/;

/**
 * Parses RSQL filter text (rsql-parser's grammar as Jamf Pro uses it: `;`/`and`, `,`/`or`,
 * parentheses, the {@link RsqlOperator}s, quoted and unquoted arguments) into a tree, with the
 * escape rule {@link formatRsqlArgument} writes: inside `"…"` or `'…'` a backslash makes the next
 * character literal (so `\*` is a literal star); an unescaped `*` is a wildcard. Same-kind
 * groups are flattened. Use it to evaluate or inspect a filter.
 *
 * @returns the tree, or `undefined` for an empty (or blank) filter, which matches everything.
 * @throws RsqlError `INVALID_RSQL` with the `position` where the text stopped making sense,
 * also for parentheses nested more than 100 deep.
 */
export function parseRsql(text: string): RsqlNode | undefined {
  if (text.trim() === '') return undefined;
  const parser = new Parser(text);
  const node = parser.parseOr();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected input');
  return node;
}

/**
 * How deep parentheses may nest. Each level is a call of the parser (and of whatever walks the
 * tree), so thousands of `(` overflowed the stack with a `RangeError`; no filter a person writes
 * comes near this.
 */
const MAX_NESTING = 100;

class Parser {
  #pos = 0;
  #depth = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.#pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.#pos]!)) this.#pos += 1;
  }

  fail(why: string): never {
    throw new RsqlError('INVALID_RSQL', `invalid RSQL at ${this.#pos}: ${why}`, this.#pos);
  }

  #eat(symbol: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(symbol, this.#pos)) return false;
    this.#pos += symbol.length;
    return true;
  }

  /** `and`/`or` as words, followed by space or `(`. */
  #eatWord(word: string): boolean {
    this.skipSpace();
    const next = this.text.slice(this.#pos, this.#pos + word.length);
    const after = this.text[this.#pos + word.length];
    if (next.toLowerCase() !== word || (after !== undefined && !/[\s(]/.test(after))) return false;
    this.#pos += word.length;
    return true;
  }

  parseOr(): RsqlNode {
    const operands = [this.parseAnd()];
    while (this.#eat(',') || this.#eatWord('or')) operands.push(this.parseAnd());
    return group('or', operands);
  }

  parseAnd(): RsqlNode {
    const operands = [this.parsePrimary()];
    while (this.#eat(';') || this.#eatWord('and')) operands.push(this.parsePrimary());
    return group('and', operands);
  }

  parsePrimary(): RsqlNode {
    if (!this.#eat('(')) return this.parseComparison();
    this.#depth += 1;
    if (this.#depth > MAX_NESTING) this.fail(`parentheses nested more than ${MAX_NESTING} deep`);
    const inner = this.parseOr();
    if (!this.#eat(')')) this.fail('missing )');
    this.#depth -= 1;
    return inner;
  }

  parseComparison(): RsqlComparison {
    this.skipSpace();
    const field = FIELD.exec(this.text.slice(this.#pos))?.[0];
    if (field === undefined) this.fail('expected a field name');
    this.#pos += field.length;
    this.skipSpace();
    const operator = OPERATORS.find((symbol) => this.text.startsWith(symbol, this.#pos));
    if (operator === undefined) this.fail('expected a comparison operator');
    this.#pos += operator.length;
    const isList = operator === '=in=' || operator === '=out=';
    if (!this.#eat('('))
      return { kind: 'comparison', field, operator, arguments: [this.parseArgument()] };
    const args = [this.parseArgument()];
    while (this.#eat(',')) args.push(this.parseArgument());
    if (!this.#eat(')')) this.fail('missing )');
    if (!isList && args.length !== 1) this.fail(`${operator} takes exactly one value`);
    return { kind: 'comparison', field, operator, arguments: args };
  }

  parseArgument(): RsqlArgument {
    this.skipSpace();
    const quote = this.text[this.#pos];
    if (quote === '"' || quote === "'") return this.#parseQuoted(quote);
    const unquoted = UNQUOTED.exec(this.text.slice(this.#pos))?.[0];
    if (unquoted === undefined) this.fail('expected a value');
    this.#pos += unquoted.length;
    // Outside quotes there are no escapes (rsql-parser): every `*` is a wildcard.
    return unquoted.split('*');
  }

  #parseQuoted(quote: string): RsqlArgument {
    const literals: string[] = [];
    let run = '';
    this.#pos += 1;
    for (;;) {
      const char = this.text[this.#pos];
      if (char === undefined) this.fail('unterminated quoted value');
      this.#pos += 1;
      if (char === quote) break;
      if (char === '\\') {
        const escaped = this.text[this.#pos];
        if (escaped === undefined) this.fail('unterminated quoted value');
        run += escaped;
        this.#pos += 1;
      } else if (char === '*') {
        literals.push(run);
        run = '';
      } else {
        run += char;
      }
    }
    literals.push(run);
    return literals;
  }
}

/** One operand stands alone; operands of the same kind are merged into this group. */
function group(kind: 'and' | 'or', operands: RsqlNode[]): RsqlNode {
  if (operands.length === 1) return operands[0]!;
  return {
    kind,
    operands: operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand])),
  };
}
