import type { RsqlArgument } from './rsql-syntax.js';

/**
 * Reads a wildcard pattern as users write it: `*` is any run of characters, `\*` a literal star,
 * `\\` a literal backslash; any other character, a lone backslash included, is itself. Use it
 * for `like`-style helpers; {@link escapeRsqlPattern} makes text safe to splice in.
 *
 * @example
 * parseRsqlPattern('Lab \\* *'); // ['Lab * ', '']
 */
export function parseRsqlPattern(pattern: string): RsqlArgument {
  const literals: string[] = [];
  let run = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    const next = pattern[i + 1];
    if (char === '\\' && (next === '*' || next === '\\')) {
      run += next;
      i += 1;
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

/**
 * Escapes `\` and `*` so {@link parseRsqlPattern} reads `text` literally.
 *
 * @example
 * `${escapeRsqlPattern('50*off')}*`; // '50\\*off*': starts with "50*off"
 */
export function escapeRsqlPattern(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('*', '\\*');
}
