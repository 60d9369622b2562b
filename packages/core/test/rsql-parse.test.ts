import { describe, expect, it } from 'vitest';
import { parseRsql, RsqlError } from '../src/index.js';

describe('parseRsql', () => {
  it('reads nothing from a blank filter', () => {
    expect(parseRsql('')).toBeUndefined();
    expect(parseRsql('  ')).toBeUndefined();
  });

  it('reads precedence, words and parentheses, flattening same-kind groups', () => {
    expect(parseRsql('a==1;b==2,c==3 and (d==4 or e==5)')).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            { kind: 'comparison', field: 'a', operator: '==', arguments: [['1']] },
            { kind: 'comparison', field: 'b', operator: '==', arguments: [['2']] },
          ],
        },
        {
          kind: 'and',
          operands: [
            { kind: 'comparison', field: 'c', operator: '==', arguments: [['3']] },
            {
              kind: 'or',
              operands: [
                { kind: 'comparison', field: 'd', operator: '==', arguments: [['4']] },
                { kind: 'comparison', field: 'e', operator: '==', arguments: [['5']] },
              ],
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['name==Lab*', ['Lab', '']],
    ['name=="Lab *"', ['Lab ', '']],
    ["name=='Lab *'", ['Lab ', '']],
    ['name=="50\\*off"', ['50*off']],
    ['name=="C:\\\\temp"', ['C:\\temp']],
    ['name=="say \\"hi\\""', ['say "hi"']],
    ["name=='it\\'s'", ["it's"]],
    ['name=="it\'s"', ["it's"]],
    ['name==C:\\temp', ['C:\\temp']],
    ['name=="\\a"', ['a']],
    ['name=="Zürich, (HQ); 2"', ['Zürich, (HQ); 2']],
  ])('%s → %j', (text, argument) => {
    expect(parseRsql(text)).toMatchObject({ arguments: [argument] });
  });

  it.each(['=lt=', '=le=', '=gt=', '=ge=', '<', '<=', '>', '>=', '!=', '=='] as const)(
    'keeps the operator %s as written',
    (operator) => {
      expect(parseRsql(`id${operator}5`)).toEqual({
        kind: 'comparison',
        field: 'id',
        operator,
        arguments: [['5']],
      });
    },
  );

  it('refuses parentheses nested past 100 with INVALID_RSQL, not a stack overflow', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}name=="a"${')'.repeat(depth)}`;
    expect(parseRsql(nested(100))).toEqual(parseRsql('name=="a"'));
    for (const text of [nested(101), nested(20_000), '('.repeat(20_000)]) {
      let error: unknown;
      try {
        parseRsql(text);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(RsqlError);
      expect(error).toMatchObject({ code: 'INVALID_RSQL', position: 101 });
    }
  });

  it('reads =in= and =out= lists', () => {
    expect(parseRsql('id=in=(1, "2 3")')).toMatchObject({
      operator: '=in=',
      arguments: [['1'], ['2 3']],
    });
    expect(parseRsql('id=out=7')).toMatchObject({ operator: '=out=', arguments: [['7']] });
  });

  it.each([
    ['name', 4],
    ['name==', 6],
    ['name=="open', 11],
    ['name=="trailing\\', 16],
    ['(a==1', 5],
    ['a==1)', 4],
    ['a=like=1', 1],
    ['a==(1,2)', 8],
    ['a==b c', 5],
    ['9a==1', 0],
  ])('refuses %j with INVALID_RSQL at %i', (text, position) => {
    let error: unknown;
    try {
      parseRsql(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RsqlError);
    expect(error).toMatchObject({ code: 'INVALID_RSQL', position });
  });
});
