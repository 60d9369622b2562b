import { compareText } from './compare-text.js';
import { fieldValue } from './field-value.js';
import { QueryError } from './query-error.js';

/** A parsed RSQL filter, as a test over one object. */
export type RsqlPredicate = (item: unknown) => boolean;

type Operator = '==' | '!=' | '=lt=' | '=le=' | '=gt=' | '=ge=' | '=in=' | '=out=';

const OPERATORS: readonly [string, Operator][] = [
  ['==', '=='],
  ['!=', '!='],
  ['=lt=', '=lt='],
  ['=le=', '=le='],
  ['=gt=', '=gt='],
  ['=ge=', '=ge='],
  ['=in=', '=in='],
  ['=out=', '=out='],
  ['<=', '=le='],
  ['>=', '=ge='],
  ['<', '=lt='],
  ['>', '=gt='],
];

/**
 * Parses Jamf's RSQL `filter` (`;`/`and`, `,`/`or`, parentheses, `==` with `*` wildcards, `!=`,
 * `<`, `<=`, `>`, `>=`, `=lt=`…, `=in=(a,b)`, `=out=(a,b)`, quoted values) into a predicate.
 * Comparison is case-insensitive for text and numeric when both sides are numbers.
 * An empty filter matches everything.
 * @throws QueryError `INVALID_RSQL_FILTER` for bad syntax, `INVALID_FIELD` for a field outside
 * `allowedFields` (when given).
 */
export function parseRsql(filter: string, allowedFields?: readonly string[]): RsqlPredicate {
  if (filter.trim() === '') return () => true;
  const parser = new Parser(filter, allowedFields);
  const predicate = parser.parseOr();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected input');
  return predicate;
}

class Parser {
  #pos = 0;
  constructor(
    private readonly text: string,
    private readonly allowedFields: readonly string[] | undefined,
  ) {}

  atEnd(): boolean {
    return this.#pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.#pos]!)) this.#pos++;
  }

  fail(why: string): never {
    throw new QueryError(
      'INVALID_RSQL_FILTER',
      'filter',
      `Invalid RSQL filter at ${this.#pos}: ${why}`,
    );
  }

  #eatWord(word: string): boolean {
    this.skipSpace();
    const next = this.text.slice(this.#pos, this.#pos + word.length);
    const after = this.text[this.#pos + word.length];
    if (next.toLowerCase() === word && (after === undefined || /[\s(]/.test(after))) {
      this.#pos += word.length;
      return true;
    }
    return false;
  }

  #eat(symbol: string): boolean {
    this.skipSpace();
    if (this.text.startsWith(symbol, this.#pos)) {
      this.#pos += symbol.length;
      return true;
    }
    return false;
  }

  parseOr(): RsqlPredicate {
    const parts = [this.parseAnd()];
    while (this.#eat(',') || this.#eatWord('or')) parts.push(this.parseAnd());
    return parts.length === 1 ? parts[0]! : (item) => parts.some((part) => part(item));
  }

  parseAnd(): RsqlPredicate {
    const parts = [this.parsePrimary()];
    while (this.#eat(';') || this.#eatWord('and')) parts.push(this.parsePrimary());
    return parts.length === 1 ? parts[0]! : (item) => parts.every((part) => part(item));
  }

  parsePrimary(): RsqlPredicate {
    if (this.#eat('(')) {
      const inner = this.parseOr();
      if (!this.#eat(')')) this.fail('missing )');
      return inner;
    }
    return this.parseComparison();
  }

  parseComparison(): RsqlPredicate {
    this.skipSpace();
    const field = /^[A-Za-z_][\w.-]*/.exec(this.text.slice(this.#pos))?.[0];
    if (!field) this.fail('expected a field name');
    this.#pos += field.length;
    if (this.allowedFields && !this.allowedFields.includes(field)) {
      throw new QueryError('INVALID_FIELD', 'filter', `Unknown filter field: ${field}`);
    }
    this.skipSpace();
    const operator = OPERATORS.find(([symbol]) => this.text.startsWith(symbol, this.#pos));
    if (!operator) this.fail('expected a comparison operator');
    this.#pos += operator[0].length;
    const op = operator[1];
    if (op === '=in=' || op === '=out=') {
      if (!this.#eat('(')) this.fail('expected (');
      const values = [this.parseValue()];
      while (this.#eat(',')) values.push(this.parseValue());
      if (!this.#eat(')')) this.fail('missing )');
      const isIn = (item: unknown) =>
        values.some((value) => matches(fieldValue(item, field), value));
      return op === '=in=' ? isIn : (item) => !isIn(item);
    }
    const value = this.parseValue();
    return (item) => compare(fieldValue(item, field), op, value);
  }

  parseValue(): string {
    this.skipSpace();
    const quote = this.text[this.#pos];
    if (quote === '"' || quote === "'") {
      let value = '';
      this.#pos++;
      while (!this.atEnd() && this.text[this.#pos] !== quote) {
        if (this.text[this.#pos] === '\\') this.#pos++;
        value += this.text[this.#pos] ?? '';
        this.#pos++;
      }
      if (this.atEnd()) this.fail('unterminated quoted value');
      this.#pos++;
      return value;
    }
    const value = /^[^\s;,()"']+/.exec(this.text.slice(this.#pos))?.[0];
    if (!value) this.fail('expected a value');
    this.#pos += value.length;
    return value;
  }
}

function asText(actual: unknown): string | undefined {
  if (actual === undefined || actual === null) return undefined;
  return typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
}

function matches(actual: unknown, expected: string): boolean {
  if (Array.isArray(actual)) return actual.some((entry) => matches(entry, expected));
  const text = asText(actual);
  if (text === undefined) return expected.toLowerCase() === 'null';
  if (expected.includes('*')) {
    const pattern = expected.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pattern.join('.*')}$`, 'is').test(text);
  }
  return text.toLowerCase() === expected.toLowerCase();
}

function compare(actual: unknown, op: Operator, expected: string): boolean {
  if (op === '==') return matches(actual, expected);
  if (op === '!=') return !matches(actual, expected);
  const text = asText(actual);
  if (text === undefined) return false;
  const a = Number(text);
  const b = Number(expected);
  const order =
    text.trim() !== '' && expected.trim() !== '' && Number.isFinite(a) && Number.isFinite(b)
      ? Math.sign(a - b)
      : compareText(text, expected);
  if (op === '=lt=') return order < 0;
  if (op === '=le=') return order <= 0;
  if (op === '=gt=') return order > 0;
  return order >= 0;
}
