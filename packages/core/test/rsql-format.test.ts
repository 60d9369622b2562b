import { describe, expect, it } from 'vitest';
import { formatRsql, formatRsqlArgument, RsqlError, type RsqlNode } from '../src/index.js';

describe('formatRsqlArgument', () => {
  it.each([
    [['Mac'], 'Mac'],
    [['2026-01-15T12:00:00.000Z'], '2026-01-15T12:00:00.000Z'],
    [['Lab', ''], 'Lab*'],
    [['Lab 1'], '"Lab 1"'],
    [[''], '""'],
    [['', ''], '"*"'],
    [['50*off'], '"50\\*off"'],
    [['50', 'off'], '50*off'],
    [['say "hi"'], '"say \\"hi\\""'],
    [['C:\\temp'], '"C:\\\\temp"'],
    [["it's"], `"it's"`],
    [['a,b;c(d)'], '"a,b;c(d)"'],
    [['Zürich'], '"Zürich"'],
    [['', 'Lab \\ 1*', ''], '"*Lab \\\\ 1\\**"'],
  ])('%j → %s', (argument, text) => {
    expect(formatRsqlArgument(argument)).toBe(text);
  });
});

describe('formatRsql', () => {
  const eq = (field: string, value: string): RsqlNode => ({
    kind: 'comparison',
    field,
    operator: '==',
    arguments: [[value]],
  });

  it('parenthesises only an or inside an and', () => {
    const node: RsqlNode = {
      kind: 'and',
      operands: [
        eq('a', '1'),
        {
          kind: 'or',
          operands: [eq('b', '2'), { kind: 'and', operands: [eq('c', '3'), eq('d', '4')] }],
        },
      ],
    };
    expect(formatRsql(node)).toBe('a==1;(b==2,c==3;d==4)');
  });

  it('writes list operators in parentheses and keeps operator spellings', () => {
    expect(
      formatRsql({
        kind: 'comparison',
        field: 'id',
        operator: '=in=',
        arguments: [['1'], ['two words']],
      }),
    ).toBe('id=in=(1,"two words")');
    expect(formatRsql({ kind: 'comparison', field: 'id', operator: '<', arguments: [['5']] })).toBe(
      'id<5',
    );
  });

  it.each([
    [
      { kind: 'comparison', field: 'a;b', operator: '==', arguments: [['x']] },
      'INVALID_RSQL_FIELD',
    ],
    [{ kind: 'comparison', field: 'a', operator: '=in=', arguments: [] }, 'EMPTY_RSQL_LIST'],
    [{ kind: 'comparison', field: 'a', operator: '==', arguments: [['x'], ['y']] }, 'INVALID_RSQL'],
    [{ kind: 'comparison', field: 'a', operator: '==', arguments: [[]] }, 'INVALID_RSQL'],
    [{ kind: 'or', operands: [] }, 'EMPTY_RSQL_LIST'],
  ] as const)('refuses %j with %s', (node, code) => {
    expect(() => formatRsql(node as RsqlNode)).toThrow(RsqlError);
    expect(() => formatRsql(node as RsqlNode)).toThrow(expect.objectContaining({ code }));
  });
});
