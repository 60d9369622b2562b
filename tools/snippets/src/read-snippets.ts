import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SnippetError } from './snippet-error.js';

/** One marked block of a page and the source it must equal. */
export interface SnippetBlock {
  /** The marker's target, `path` or `path#region`, relative to the page's folder. */
  source: string;
  /** The block as the page shows it. */
  shown: string;
  /** The file (or region) the block must equal, after `rewrite`. */
  expected: string;
}

/** What a page's TypeScript blocks are. */
export interface SnippetReport {
  /** Blocks with a `<!-- snippet: … -->` marker, in page order. */
  blocks: SnippetBlock[];
  /** TypeScript blocks without a marker: checked by nothing. */
  unmarked: number;
}

/** Options of {@link readSnippets}. */
export interface ReadSnippetsOptions {
  /**
   * Text replacements applied to each source before comparing, for files that import the
   * package's sources where the page shows the published name:
   * `{ "'../src/index.js'": "'@jamf/pro-api'" }`.
   */
  rewrite?: Readonly<Record<string, string>>;
}

const MARKED_BLOCK = /<!-- snippet: ([^\s#]+)(?:#([\w-]+))? -->\n```ts\n([\s\S]*?)```/g;
const TS_BLOCK = /^```ts$/gm;

function regionOf(text: string, name: string, source: string): string {
  const open = `// #region ${name}\n`;
  const start = text.indexOf(open);
  const end = text.indexOf(`// #endregion ${name}`, start);
  if (start < 0 || end < 0) {
    throw new SnippetError('SNIPPET_REGION_MISSING', `${source} has no region "${name}"`);
  }
  return text.slice(start + open.length, end);
}

/**
 * Reads a Markdown page's TypeScript blocks: each block marked `<!-- snippet: path -->` (or
 * `path#region`, for the text between `// #region name` and `// #endregion name`) on the line
 * before it comes back with the source it must equal, so a test can compare them. Sources are
 * files the package's `typecheck` compiles (and often a test runs), so the page shows code that
 * works.
 * @example
 * const { blocks } = readSnippets(new URL('../README.md', import.meta.url));
 * for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
 */
export function readSnippets(page: string | URL, options: ReadSnippetsOptions = {}): SnippetReport {
  const path = page instanceof URL ? fileURLToPath(page) : page;
  const text = readFileSync(path, 'utf8');
  const blocks: SnippetBlock[] = [];
  for (const [, file = '', region, shown = ''] of text.matchAll(MARKED_BLOCK)) {
    const source = region === undefined ? file : `${file}#${region}`;
    let content: string;
    try {
      content = readFileSync(join(dirname(path), file), 'utf8');
    } catch (cause) {
      throw new SnippetError('SNIPPET_FILE_MISSING', `${source}: no such file`, { cause });
    }
    let expected = region === undefined ? content : regionOf(content, region, source);
    for (const [from, to] of Object.entries(options.rewrite ?? {})) {
      expected = expected.replaceAll(from, to);
    }
    blocks.push({ source, shown, expected });
  }
  const unmarked = (text.match(TS_BLOCK)?.length ?? 0) - blocks.length;
  return { blocks, unmarked };
}
