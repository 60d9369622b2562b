/**
 * P6: how many bytes a user ships. Each entry is bundled by esbuild (minified, ESM, tree-shaken,
 * node built-ins external), then gzipped with node:zlib at level 9. Sizes are deterministic, so
 * there is one sample per variant. The goal (issue 16) is every package entry within openapi-fetch
 * + 2 kB min+gzip; the notes say which entries meet it and, for each, which input files the
 * minified bundle is made of (esbuild's metafile), so the bytes to cut can be found.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

/** A bundle to measure: a name, the source of its entry module, and whether the goal applies. */
interface Entry {
  name: string;
  source: string;
  /** A package entry point, held to openapi-fetch + {@link GOAL_EXTRA_BYTES} (not the app). */
  hasGoal: boolean;
}

/** How much a package entry may add to openapi-fetch alone, min+gzip (issue 16, goal P6). */
const GOAL_EXTRA_BYTES = 2000;

/** Input files listed per bundle in the notes, largest first. */
const TOP_INPUTS = 8;

const reexport = (specifier: string): Entry => ({
  name: specifier,
  source: `export * from '${specifier}';`,
  hasGoal: true,
});

const BASELINE = 'openapi-fetch';

const ENTRIES: Entry[] = [
  { name: BASELINE, source: `export { default } from 'openapi-fetch';`, hasGoal: false },
  reexport('@jamf/pro-api'),
  reexport('@jamf/pro-api/rsql'),
  reexport('@jamf/auth'),
  reexport('@jamf/auth/static-token'),
  reexport('@jamf/auth/legacy-user-credentials'),
  reexport('@jamf/auth/resilience'),
  {
    name: 'app: client + OAuth + middleware',
    source: [
      `import { createProClient } from '@jamf/pro-api';`,
      `import { authMiddleware, clientCredentials } from '@jamf/auth';`,
      `export const client = (baseUrl, clientId, clientSecret) => createProClient({ baseUrl,`,
      `  middleware: [authMiddleware(clientCredentials({ baseUrl, clientId, clientSecret }))] });`,
    ].join('\n'),
    hasGoal: false,
  },
];

interface BundleSize {
  minified: number;
  gzipped: number;
  /** Minified bytes each input file contributes, largest first. */
  inputs: { file: string; bytes: number }[];
}

async function bundleSize(source: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: inputsOf(result.metafile),
  };
}

/** The input files of the one output, named by package and the sources they were built from. */
function inputsOf(metafile: Metafile): { file: string; bytes: number }[] {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .map(([file, { bytesInOutput }]) => ({ file: describeInput(file), bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * `openapi-fetch/dist/index.mjs`, or for a file of our packages' `dist/` (whose chunk names are
 * hashes) the package and the source files it holds, read from tsup's `// src/…` markers:
 * `@jamf/auth[access-token, server-url]` (the first three and a count when there are more).
 */
function describeInput(file: string): string {
  const inModules = file.lastIndexOf('node_modules/');
  const inPackages = file.lastIndexOf('packages/');
  if (inModules < 0 && inPackages < 0) return file;
  const path =
    inModules >= 0
      ? file.slice(inModules + 'node_modules/'.length)
      : `@jamf/${file.slice(inPackages + 'packages/'.length)}`;
  const [scope, name] = path.split('/');
  if (scope !== '@jamf' || name === undefined) return path;
  let text: string;
  try {
    text = readFileSync(resolvePath(file), 'utf8');
  } catch {
    return path;
  }
  const sources = [
    ...new Set(
      [...text.matchAll(/^\/\/ src\/(.+)\.ts$/gm)].map(([, source]) =>
        source!.replace(/^.*\//, ''),
      ),
    ),
  ];
  if (sources.length === 0) return path;
  const shown = sources.length > 4 ? [...sources.slice(0, 3), `+${sources.length - 3}`] : sources;
  return `${scope}/${name}[${shown.join(', ')}]`;
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;

/** Bundles every entry and reports min+gzip bytes, ratios to openapi-fetch and the goal. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const variants: VariantResult[] = [];
  const sizes = new Map<string, BundleSize>();
  const notes: string[] = [];
  for (const entry of ENTRIES) {
    try {
      const size = await bundleSize(entry.source, context.benchRoot);
      sizes.set(entry.name, size);
      variants.push(variantResult(entry.name, 'B gz', [size.gzipped], false));
    } catch (error) {
      const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
      notes.push(
        `${entry.name}: not measured (${first ?? (error instanceof Error ? error.message : String(error))})`,
      );
    }
  }
  const base = variants.find((v) => v.name === BASELINE);
  const goal = base === undefined ? undefined : base.median + GOAL_EXTRA_BYTES;
  if (goal !== undefined) {
    const held = ENTRIES.filter((entry) => entry.hasGoal && sizes.has(entry.name));
    const over = held.filter((entry) => sizes.get(entry.name)!.gzipped > goal);
    notes.push(
      `goal: each package entry ≤ openapi-fetch + 2 kB = ${bytes(goal)} min+gzip; ${held.length - over.length} of ${held.length} meet it${over.length > 0 ? `, over: ${over.map((entry) => `${entry.name} (+${bytes(sizes.get(entry.name)!.gzipped - goal)})`).join(', ')}` : ''}; the app line is for reference`,
    );
  }
  for (const entry of ENTRIES) {
    const size = sizes.get(entry.name);
    if (size === undefined) continue;
    const top = size.inputs
      .slice(0, TOP_INPUTS)
      .map((input) => `${input.file} ${input.bytes.toLocaleString('en-US')}`)
      .join(', ');
    notes.push(
      `${entry.name}: ${bytes(size.minified)} minified, ${bytes(size.gzipped)} min+gzip; minified bytes by input: ${top}`,
    );
  }
  const ratios = base
    ? variants
        .filter((v) => v !== base)
        .map((v) => ratioResult(`${v.name} ÷ openapi-fetch`, v, base))
    : [];
  const missing = ENTRIES.length - variants.length;
  return {
    status: missing > 0 ? 'failed' : 'ok',
    reason: missing > 0 ? `${missing} bundle(s) could not be built; see notes` : undefined,
    params: {
      bundler: 'esbuild',
      minify: true,
      format: 'esm',
      platform: 'node',
      gzipLevel: 9,
      goalExtraBytes: GOAL_EXTRA_BYTES,
    },
    variants,
    ratios,
    notes,
  };
}
