import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRsql,
  parseRsql,
  type RsqlComparison,
  type RsqlNode,
  type RsqlOperator,
} from '../src/index.js';

/** Text full of what RSQL reserves or escapes, plus spaces and non-ASCII. */
const awkward = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '*',
      '\\',
      '"',
      "'",
      ',',
      '(',
      ')',
      ';',
      ' ',
      '=',
      '!',
      '<',
      '~',
      'é',
      '漢',
      '🙂',
    ),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

const argument = fc.array(awkward, { minLength: 1, maxLength: 3 });
const field = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/);
const operator = fc.constantFrom<RsqlOperator>(
  '==',
  '!=',
  '=lt=',
  '=le=',
  '=gt=',
  '=ge=',
  '<',
  '<=',
  '>',
  '>=',
);

const comparison: fc.Arbitrary<RsqlComparison> = fc.oneof(
  fc.record({
    kind: fc.constant('comparison' as const),
    field,
    operator,
    arguments: argument.map((a) => [a]),
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    field,
    operator: fc.constantFrom<RsqlOperator>('=in=', '=out='),
    arguments: fc.array(argument, { minLength: 1, maxLength: 3 }),
  }),
);

const { node } = fc.letrec<{ node: RsqlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      operands: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));

/** The tree the parser gives back: same-kind groups merged. */
function flatten(tree: RsqlNode): RsqlNode {
  if (tree.kind === 'comparison') return tree;
  return {
    kind: tree.kind,
    operands: tree.operands
      .map(flatten)
      .flatMap((operand) => (operand.kind === tree.kind ? operand.operands : [operand])),
  };
}

describe('RSQL format and parse', () => {
  it('read back every value and wildcard exactly as written', () => {
    fc.assert(
      fc.property(node, (tree) => {
        expect(parseRsql(formatRsql(tree))).toEqual(flatten(tree));
      }),
      { numRuns: 1000 },
    );
  });
});
