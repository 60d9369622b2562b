import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package reads as layers with imports running one way:
//   state ← query, spec ← generated ← http ← mock.ts ← entry points (index, vitest, cli, standalone)
// webhooks (registry, delivery, firing rules) sits on state; http and mock.ts may use it.
// A file may import its own layer or a lower one; query and spec are siblings and stay apart.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Layer of a source file (path relative to src/, forward slashes). */
function layerOf(file: string): string {
  const top = file.split('/')[0] ?? file;
  if (['state', 'query', 'spec', 'generated', 'http', 'standalone', 'webhooks'].includes(top))
    return top;
  if (file === 'mock.ts') return 'mock';
  if (['index.ts', 'vitest.ts', 'cli.ts'].includes(file)) return 'entry';
  return 'unplaced';
}

/** Layers each layer may import (besides itself). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  state: [],
  query: ['state'],
  spec: ['state'],
  generated: ['spec'],
  webhooks: ['state'],
  http: ['state', 'query', 'spec', 'generated', 'webhooks'],
  mock: ['state', 'query', 'spec', 'generated', 'http', 'webhooks'],
  standalone: ['mock', 'state', 'query', 'spec', 'generated', 'http', 'webhooks'],
  entry: ['mock', 'standalone', 'state', 'query', 'spec', 'generated', 'http', 'webhooks'],
};

/** Packages a layer may not import at all. */
const FORBIDDEN_PACKAGES: Readonly<Record<string, RegExp>> = {
  state: /^(msw|fast-xml-parser|ajv|node:http|node:net)(\/|$)/,
  query: /^(msw|fast-xml-parser|ajv|node:)/,
  spec: /^(msw|node:http|node:net)(\/|$)/,
  http: /^(node:http|node:net)(\/|$)/,
  webhooks: /^(msw|ajv|node:)/,
};

interface SourceFile {
  path: string;
  imports: { specifier: string; target: string | undefined }[];
  text: string;
}

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [relative(SRC, full).split('\\').join('/')] : [];
  });
}

// Static `import … from`, `export … from` (type-only included) and dynamic `import('…')`.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function read(path: string): SourceFile {
  const text = readFileSync(join(SRC, path), 'utf8');
  const imports = [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2]) as string;
    const target = specifier.startsWith('.')
      ? relative(SRC, resolve(dirname(join(SRC, path)), specifier.replace(/\.js$/, '.ts')))
          .split('\\')
          .join('/')
      : undefined;
    return { specifier, target };
  });
  return { path, imports, text };
}

const files = sourceFiles().map(read);

describe('source layout', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.find((file) => file.path === 'mock.ts')?.imports.length).toBeGreaterThan(5);
  });

  it('places every source file in a layer', () => {
    expect(files.filter((file) => layerOf(file.path) === 'unplaced').map((f) => f.path)).toEqual(
      [],
    );
  });

  it('imports run one way: state ← query, spec ← http ← mock.ts', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file.path);
      for (const { specifier, target } of file.imports) {
        if (target === undefined) continue;
        const to = layerOf(target);
        if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) {
          wrong.push(`${file.path} (${from}) → ${specifier} (${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps msw, XML, HTTP servers and JSON Schema out of the lower layers', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const forbidden = FORBIDDEN_PACKAGES[layerOf(file.path)];
      for (const { specifier, target } of file.imports) {
        if (target === undefined && forbidden?.test(specifier))
          wrong.push(`${file.path} → ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps Request, Response and Headers out of state/', () => {
    const wrong = files
      .filter((file) => layerOf(file.path) === 'state')
      .filter((file) => /\b(Request|Response|Headers)\b/.test(stripComments(file.text)))
      .map((file) => file.path);
    expect(wrong).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const graph = new Map(
      files.map((file) => [
        file.path,
        file.imports.flatMap(({ target }) => (target === undefined ? [] : [target])),
      ]),
    );
    expect(findCycle(graph)).toEqual([]);
  });
});

describe('the layout checks themselves', () => {
  it('sees an upward import and a cycle', () => {
    const graph = new Map([
      ['state/a.ts', ['http/b.ts']],
      ['http/b.ts', ['state/a.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['state/a.ts', 'http/b.ts', 'state/a.ts']);
    expect(MAY_IMPORT.state).not.toContain(layerOf('http/b.ts'));
  });

  it('reads type-only, re-export and dynamic imports', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { B } from '../b.js';",
      "const c = await import('./c.js');",
    ].join('\n');
    expect([...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2])).toEqual([
      './a.js',
      '../b.js',
      './c.js',
    ]);
  });
});

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** The first cycle found as a path that ends where it starts, or `[]`. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] => {
    if (state.get(node) === 'done') return [];
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle.length > 0) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return [];
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle.length > 0) return cycle;
  }
  return [];
}
