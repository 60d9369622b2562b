/** A compiled Classic wildcard pattern: whether a text matches it. */
export interface WildcardPattern {
  test(text: string): boolean;
}

/**
 * Classic's `*` wildcard pattern (`Micro*Word*`): `*` is any run of characters, the rest is
 * literal, compared without case against the whole text. Matched without a regular expression:
 * the runs between the stars are found left to right with `indexOf`, so the work is bounded by
 * the lengths of the pattern and the text however many stars a caller sends (a pattern of thirty
 * `*` and a `Z` made a backtracking `^.*.*…Z$` run for longer than any client waits).
 */
export function wildcardPattern(pattern: string): WildcardPattern {
  const runs = pattern.toLowerCase().split('*');
  const first = runs[0] ?? '';
  if (runs.length === 1) return { test: (text) => text.toLowerCase() === first };
  const last = runs[runs.length - 1] ?? '';
  const middle = runs.slice(1, -1).filter((run) => run !== '');
  return {
    test(text) {
      const lower = text.toLowerCase();
      if (lower.length < first.length + last.length) return false;
      if (!lower.startsWith(first) || !lower.endsWith(last)) return false;
      const end = lower.length - last.length;
      let at = first.length;
      for (const run of middle) {
        const found = lower.indexOf(run, at);
        if (found === -1 || found + run.length > end) return false;
        at = found + run.length;
      }
      return true;
    },
  };
}
