#!/usr/bin/env node
/**
 * Measures what a consumer's `tsc --noEmit` costs (wall time, peak memory) for the same two calls
 * (GET /v1/computers-inventory, POST /v1/api-roles) through `@jamf/pro-api` (whole API) and
 * through its per-area entry points, against a file that imports nothing.
 *
 * It consumes the BUILT package (`dist/`, through its `exports`), so build first:
 *   npx -y pnpm@10.34.9 --filter @jamf/pro-api build
 *   node tools/codegen/measure/measure.mjs [--runs 3] [--package DIR] [--json]
 * Each consumer is checked alone in a temporary project whose node_modules/@jamf/pro-api links
 * to DIR (default packages/pro-api). Peak memory and CPU time come from GNU `/usr/bin/time -v`,
 * `check` is tsc's own "Check time" (--extendedDiagnostics). On a loaded machine compare CPU and
 * check time rather than wall time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    package: { type: 'string', default: join(repoRoot, 'packages/pro-api') },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const packageDir = resolve(values.package);
if (!existsSync(join(packageDir, 'dist/index.d.ts'))) {
  console.error(
    `no build at ${packageDir}/dist; run: npx -y pnpm@10.34.9 --filter @jamf/pro-api build`,
  );
  process.exit(2);
}
const tsc = createRequire(join(here, '../package.json')).resolve('typescript/bin/tsc');
const consumers = ['trivial', 'full-client', 'area-clients'];

const project = mkdtempSync(join(tmpdir(), 'jamf-tsc-measure-'));
try {
  mkdirSync(join(project, 'node_modules/@jamf'), { recursive: true });
  symlinkSync(packageDir, join(project, 'node_modules/@jamf/pro-api'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  const results = [];
  for (const name of consumers) {
    copyFileSync(join(here, 'consumers', `${name}.ts`), join(project, `${name}.ts`));
    writeFileSync(
      join(project, `tsconfig.${name}.json`),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        files: [`${name}.ts`],
      }),
    );
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const run = spawnSync(
        '/usr/bin/time',
        ['-v', process.execPath, tsc, '-p', `tsconfig.${name}.json`, '--extendedDiagnostics'],
        {
          cwd: project,
          encoding: 'utf8',
        },
      );
      if (run.status !== 0) {
        console.error(`${name}: tsc failed\n${run.stdout}${run.stderr}`);
        process.exit(1);
      }
      const wall =
        /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
          run.stderr,
        );
      const cpuSeconds =
        Number(/User time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1]) +
        Number(/System time \(seconds\): ([\d.]+)/.exec(run.stderr)?.[1]);
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]);
      const checkSeconds = Number(/Check time:\s+([\d.]+)s/.exec(run.stdout)?.[1]);
      const types = Number(/Types:\s+(\d+)/.exec(run.stdout)?.[1]);
      const wallSeconds = wall
        ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])
        : Number.NaN;
      samples.push({
        wallSeconds,
        cpuSeconds,
        rssMb: Math.round(rssKb / 1024),
        checkSeconds,
        types,
      });
    }
    const median = (key) =>
      samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    results.push({
      consumer: name,
      runs,
      medianWallSeconds: median('wallSeconds'),
      medianCpuSeconds: median('cpuSeconds'),
      medianCheckSeconds: median('checkSeconds'),
      peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
      types: samples[0].types,
      samples,
    });
  }
  const base = results[0].medianWallSeconds;
  if (values.json) {
    console.log(
      JSON.stringify(
        { typescript: execFileSync(process.execPath, [tsc, '-v']).toString().trim(), results },
        null,
        2,
      ),
    );
  } else {
    console.log(
      'consumer       wall (median)  vs trivial  cpu (user+sys)  check   peak RSS  types',
    );
    for (const r of results) {
      console.log(
        `${r.consumer.padEnd(14)} ${r.medianWallSeconds.toFixed(2).padStart(8)} s  ${(r.medianWallSeconds / base).toFixed(2).padStart(8)}×  ${r.medianCpuSeconds.toFixed(2).padStart(10)} s  ${r.medianCheckSeconds.toFixed(2).padStart(5)} s  ${String(r.peakRssMb).padStart(5)} MB  ${r.types}`,
      );
    }
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
