/**
 * P6: how many bytes a user ships. Each entry is bundled by esbuild (minified, ESM, tree-shaken,
 * node built-ins external), then gzipped with node:zlib at level 9. Sizes are deterministic, so
 * there is one sample per variant.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

/** A bundle to measure: a name and the source of its entry module. */
const ENTRIES: { name: string; source: string }[] = [
  { name: 'openapi-fetch', source: `export { default } from 'openapi-fetch';` },
  { name: '@jamf/pro-api', source: `export * from '@jamf/pro-api';` },
  { name: '@jamf/auth', source: `export * from '@jamf/auth';` },
  { name: '@jamf/auth/resilience', source: `export * from '@jamf/auth/resilience';` },
  {
    name: 'app: client + OAuth + middleware',
    source: [
      `import { createProClient } from '@jamf/pro-api';`,
      `import { authMiddleware, clientCredentials } from '@jamf/auth';`,
      `export const client = (baseUrl, clientId, clientSecret) => createProClient({ baseUrl,`,
      `  middleware: [authMiddleware(clientCredentials({ baseUrl, clientId, clientSecret }))] });`,
    ].join('\n'),
  },
];

async function bundleSize(
  source: string,
  resolveDir: string,
): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

/** Bundles every entry and reports min+gzip bytes and ratios to openapi-fetch alone. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const variants: VariantResult[] = [];
  const notes: string[] = [];
  for (const entry of ENTRIES) {
    try {
      const size = await bundleSize(entry.source, context.benchRoot);
      variants.push(variantResult(entry.name, 'B gz', [size.gzipped], false));
      notes.push(
        `${entry.name}: ${size.minified.toLocaleString('en-US')} B minified, ${size.gzipped.toLocaleString('en-US')} B min+gzip`,
      );
    } catch (error) {
      const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
      notes.push(
        `${entry.name}: not measured (${first ?? (error instanceof Error ? error.message : String(error))})`,
      );
    }
  }
  const base = variants.find((v) => v.name === 'openapi-fetch');
  const ratios = base
    ? variants
        .filter((v) => v !== base)
        .map((v) => ratioResult(`${v.name} ÷ openapi-fetch`, v, base))
    : [];
  const missing = ENTRIES.length - variants.length;
  return {
    status: missing > 0 ? 'failed' : 'ok',
    reason: missing > 0 ? `${missing} bundle(s) could not be built; see notes` : undefined,
    params: { bundler: 'esbuild', minify: true, format: 'esm', platform: 'node', gzipLevel: 9 },
    variants,
    ratios,
    notes,
  };
}
