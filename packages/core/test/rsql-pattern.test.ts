import { describe, expect, it } from 'vitest';
import { escapeRsqlPattern, parseRsqlPattern } from '../src/index.js';

describe('parseRsqlPattern', () => {
  it.each([
    ['Lab*', ['Lab', '']],
    ['*Lab*', ['', 'Lab', '']],
    ['50\\*off', ['50*off']],
    ['C:\\\\temp*', ['C:\\temp', '']],
    ['a\\b', ['a\\b']],
    ['', ['']],
  ])('%j → %j', (pattern, literals) => {
    expect(parseRsqlPattern(pattern)).toEqual(literals);
  });
});

describe('escapeRsqlPattern', () => {
  it.each(['50*off', 'C:\\temp', '\\*', 'plain', '***', 'a\\'])('keeps %j literal', (text) => {
    expect(parseRsqlPattern(escapeRsqlPattern(text))).toEqual([text]);
  });
});
