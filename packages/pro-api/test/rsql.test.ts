import { describe, expect, it } from 'vitest';
import { RsqlError, rsql, rsqlFor } from '../src/rsql.js';

describe('rsql comparisons', () => {
  it.each([
    [rsql.eq('general.platform', 'Mac'), 'general.platform==Mac'],
    [rsql.ne('general.platform', 'Mac'), 'general.platform!=Mac'],
    [rsql.lt('hardware.totalRamMegabytes', 8192), 'hardware.totalRamMegabytes<8192'],
    [rsql.le('id', 10), 'id<=10'],
    [
      rsql.gt('general.lastContactTime', new Date(Date.UTC(2026, 0, 2))),
      'general.lastContactTime>2026-01-02T00:00:00.000Z',
    ],
    [rsql.ge('id', 10n), 'id>=10'],
    [rsql.eq('general.remoteManagement.managed', true), 'general.remoteManagement.managed==true'],
    [rsql.in('general.site.name', ['HQ', 'Annex']), 'general.site.name=in=(HQ,Annex)'],
    [rsql.out('id', [1, 2, 3]), 'id=out=(1,2,3)'],
  ])('renders %s', (expression, text) => {
    expect(String(expression)).toBe(text);
  });
});

describe('rsql quoting and escaping', () => {
  it.each([
    ['a value with spaces', 'Lab Mac 1', '"Lab Mac 1"'],
    ['double quotes', 'The "Big" Mac', '"The \\"Big\\" Mac"'],
    ['single quotes', "Anna's Mac", '"Anna\'s Mac"'],
    ['commas and semicolons', 'a,b;c', '"a,b;c"'],
    ['parentheses', 'Mac (old)', '"Mac (old)"'],
    ['operators', 'a==b', '"a==b"'],
    ['a backslash', 'C:\\Users', '"C:\\\\Users"'],
    ['a literal star', '50*off', '"50\\*off"'],
    ['an empty string', '', '""'],
    ['unicode', 'Zoë', '"Zoë"'],
  ])('quotes %s', (_label, value, encoded) => {
    expect(String(rsql.eq('general.name', value))).toBe(`general.name==${encoded}`);
  });

  it('keeps simple values unquoted', () => {
    expect(String(rsql.eq('general.serialNumber', 'C02XK1-9:AB/c@d.e+f'))).toBe(
      'general.serialNumber==C02XK1-9:AB/c@d.e+f',
    );
  });

  it('quotes list values one by one', () => {
    expect(String(rsql.in('general.name', ['Lab 1', 'Lab2', 'a"b']))).toBe(
      'general.name=in=("Lab 1",Lab2,"a\\"b")',
    );
  });

  it('rejects an empty list and a field that is not a name with typed errors', () => {
    expect(() => rsql.in('id', [])).toThrow(RsqlError);
    expect(() => rsql.in('id', [])).toThrow(expect.objectContaining({ code: 'EMPTY_RSQL_LIST' }));
    for (const field of ['general.name==x;id', '']) {
      expect(() => rsql.eq(field, 1)).toThrow(
        expect.objectContaining({ name: 'RsqlError', code: 'INVALID_RSQL_FIELD' }),
      );
    }
  });
});

describe('rsql wildcards', () => {
  it('treats * in a like pattern as a wildcard', () => {
    expect(String(rsql.like('general.name', 'Lab-*'))).toBe('general.name==Lab-*');
    expect(String(rsql.like('general.name', '*Mac mini*'))).toBe('general.name=="*Mac mini*"');
    expect(String(rsql.notLike('general.name', 'Test*'))).toBe('general.name!=Test*');
  });

  it('takes \\* in a pattern literally', () => {
    expect(String(rsql.like('general.name', 'Sale\\**'))).toBe('general.name=="Sale\\**"');
  });

  it('escapes the text of startsWith, endsWith and contains', () => {
    expect(String(rsql.startsWith('general.name', 'Lab '))).toBe('general.name=="Lab *"');
    expect(String(rsql.endsWith('general.name', '*new*'))).toBe('general.name=="*\\*new\\*"');
    expect(String(rsql.contains('general.name', 'a\\b'))).toBe('general.name=="*a\\\\b*"');
    expect(String(rsql.like('general.name', `${rsql.escapePattern('5*')}*`))).toBe(
      'general.name=="5\\**"',
    );
  });
});

describe('rsql grouping', () => {
  const a = rsql.eq('a', 1);
  const b = rsql.eq('b', 2);
  const c = rsql.eq('c', 3);

  it('joins with ; and , and parenthesises only an or inside an and', () => {
    expect(String(rsql.and(a, b))).toBe('a==1;b==2');
    expect(String(rsql.or(a, b))).toBe('a==1,b==2');
    expect(String(rsql.and(a, rsql.or(b, c)))).toBe('a==1;(b==2,c==3)');
    expect(String(rsql.or(a, rsql.and(b, c)))).toBe('a==1,b==2;c==3');
    expect(String(rsql.and(rsql.or(a, b), rsql.or(b, c)))).toBe('(a==1,b==2);(b==2,c==3)');
  });

  it('flattens nested groups of the same kind and unwraps a single operand', () => {
    expect(String(rsql.and(a, rsql.and(b, c)))).toBe('a==1;b==2;c==3');
    expect(String(rsql.or(a))).toBe('a==1');
    expect(() => rsql.and()).toThrow(expect.objectContaining({ code: 'EMPTY_RSQL_LIST' }));
  });

  it('serialises to its text in JSON and template literals', () => {
    const filter = rsql.and(a, rsql.or(b, c));
    expect(JSON.stringify({ filter })).toBe('{"filter":"a==1;(b==2,c==3)"}');
    expect(`${filter}`).toBe('a==1;(b==2,c==3)');
  });
});

describe('rsqlFor', () => {
  it('builds the same text with the field names restricted', () => {
    const q = rsqlFor<'name' | 'serialNumber'>();
    expect(String(q.and(q.eq('name', 'Lab 1'), q.startsWith('serialNumber', 'C02')))).toBe(
      'name=="Lab 1";serialNumber==C02*',
    );
    // @ts-expect-error: not one of the fields given
    expect(String(q.eq('nmae', 'x'))).toBe('nmae==x');
  });
});
