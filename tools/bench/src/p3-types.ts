/**
 * P3: what the types cost. Child processes, interleaved, time and peak memory (the child's own
 * maxRSS, reported by a preload). CPU time (user + system) is reported beside wall time because it
 * moves less when other processes compete for the cores:
 *   - generation: `jamf-codegen --check --target pro` (distil Jamf's document, generate types and
 *     privileges, compare with the committed files) ÷ the raw `openapi-typescript` CLI on the same
 *     reference file;
 *   - consumers: `tsc --noEmit` of fixtures/consumer-pro-api.ts (the package's published .d.ts) ÷
 *     the same program over the raw CLI's output (as a .d.ts) + openapi-fetch; all skipLibCheck.
 *     Two more consumers add one `paginate` loop to that program: over the whole API
 *     (fixtures/consumer-pro-api-paginate.ts) and over the per-area entries with the area's own
 *     `paginate` (`@jamf/pro-api/areas/computer-inventory`, …; fixtures/consumer-areas.ts). Each
 *     tsc run also reports its type instantiations (`--extendedDiagnostics`), which do not move
 *     with the machine's load.
 * Needs ../shared/reference; skips with a message where it is absent.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { skip } from './harness/benchmark.js';
import { interleave } from './harness/interleave.js';
import {
  type ChildMeasurement,
  measureCommand,
  measureNodeScript,
} from './harness/measured-child.js';
import {
  type RatioResult,
  ratioResult,
  type VariantResult,
  variantResult,
} from './harness/result.js';

const REFERENCE = '../shared/reference/jamf-pro-11.30.1.api-schema.json';

interface Measured {
  time: VariantResult[];
  cpu: VariantResult[];
  memory: VariantResult[];
  notes: string[];
  /** `tsc --extendedDiagnostics`' type instantiations per job, where it printed them. */
  instantiations: string[];
}

/** The "Instantiations:" figure of `tsc --extendedDiagnostics` output, if present. */
function instantiationsIn(output: string): number | undefined {
  const match = /^Instantiations:\s+(\d+)/m.exec(output);
  return match ? Number(match[1]) : undefined;
}

interface Job {
  name: string;
  script: string;
  args: string[];
  cwd: string;
  /** Exit codes that still mean "it did the work" (`--check` exits 1 when outputs are stale). */
  okExitCodes: number[];
  /**
   * The script hands its work to a native child (TypeScript 7's `tsc`): measured through bash's
   * `times`, which counts that child's CPU; no peak memory.
   */
  native?: boolean;
}

async function compare(
  context: BenchmarkContext,
  jobs: Job[],
  rounds: number,
  timeoutMs: number,
): Promise<Measured> {
  const measured = new Map<string, ChildMeasurement[]>(jobs.map((j) => [j.name, []]));
  const samples = await interleave(
    jobs.map((job) => ({
      name: job.name,
      run: async () => {
        const m = job.native
          ? await measureCommand(process.execPath, [job.script, ...job.args], {
              cwd: job.cwd,
              timeoutMs,
            })
          : await measureNodeScript(job.script, job.args, {
              cwd: job.cwd,
              scratchDir: context.scratchDir,
              timeoutMs,
            });
        if (m.exitCode === null || !job.okExitCodes.includes(m.exitCode)) {
          throw new Error(`${job.name} exited ${m.exitCode}:\n${m.output.slice(0, 2_000)}`);
        }
        measured.get(job.name)!.push(m);
        return m.wallMs;
      },
    })),
    {
      rounds,
      warmupRounds: 0,
      onSample: (round, name) => context.log(`round ${round + 1}/${rounds}: ${name}`),
    },
  );
  const time = jobs.map((j) => variantResult(`${j.name}: wall`, 'ms', samples.get(j.name)!, false));
  const cpu = jobs.map((j) =>
    variantResult(
      `${j.name}: CPU`,
      'ms',
      measured.get(j.name)!.map((m) => m.userCpuMs + m.systemCpuMs),
      false,
    ),
  );
  const memory = jobs.map((j) =>
    variantResult(
      `${j.name}: peak RSS`,
      'MB',
      measured.get(j.name)!.map((m) => m.maxRssBytes / 2 ** 20),
      false,
    ),
  );
  const notes = jobs.map(
    (j) =>
      `${j.name}: exit codes ${measured
        .get(j.name)!
        .map((m) => m.exitCode)
        .join(', ')}`,
  );
  const instantiations = jobs.flatMap((j) => {
    const counts = measured.get(j.name)!.map((m) => instantiationsIn(m.output));
    return counts[0] === undefined ? [] : [`${j.name}: ${counts[0]} type instantiations`];
  });
  return { time, cpu, memory, notes, instantiations };
}

/** Wall, CPU and peak-RSS ratios of job `a` over job `b`. */
function ratios(name: string, measured: Measured, a: number, b: number): RatioResult[] {
  return [
    ratioResult(`${name}, wall`, measured.time[a]!, measured.time[b]!),
    ratioResult(`${name}, CPU`, measured.cpu[a]!, measured.cpu[b]!),
    ratioResult(`${name}, peak RSS`, measured.memory[a]!, measured.memory[b]!),
  ];
}

/** Runs P3; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const reference = resolve(context.repoRoot, REFERENCE);
  if (!existsSync(reference))
    return skip(`${REFERENCE} is absent (Jamf's reference documents live beside the repo)`);
  const rounds = context.quick ? 1 : 5;
  const timeoutMs = 60_000;
  const work = join(context.scratchDir, 'p3');
  await mkdir(work, { recursive: true });
  const tsc = join(context.benchRoot, 'node_modules/typescript/bin/tsc');
  // TypeScript 7 (the native compiler), as the repository's second type-check installs it.
  const tsc7 = join(context.repoRoot, 'tools/typescript-7/node_modules/typescript/bin/tsc');
  const rawCli = join(context.benchRoot, 'node_modules/openapi-typescript/bin/cli.js');
  const rawOutput = join(work, 'raw-openapi.d.ts');

  const generation = await compare(
    context,
    [
      {
        name: 'jamf-codegen --check --target pro',
        script: join(context.repoRoot, 'tools/codegen/bin/jamf-codegen.js'),
        args: ['--check', '--target', 'pro'],
        cwd: context.repoRoot,
        okExitCodes: [0, 1],
      },
      {
        name: 'openapi-typescript CLI',
        script: rawCli,
        args: [reference, '-o', rawOutput],
        cwd: work,
        okExitCodes: [0],
      },
    ],
    rounds,
    timeoutMs,
  );

  const consumerNames = ['pro-api', 'raw', 'areas', 'pro-api-paginate'];
  for (const file of consumerNames.map((name) => `consumer-${name}.ts`)) {
    await copyFile(join(context.benchRoot, 'fixtures', file), join(work, file));
  }
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  for (const name of consumerNames) {
    const tsconfig = { compilerOptions, files: [`consumer-${name}.ts`] };
    await writeFile(join(work, `tsconfig.${name}.json`), JSON.stringify(tsconfig, null, 2));
  }
  const consumers = await compare(
    context,
    [
      {
        name: 'tsc: @jamf/pro-api consumer',
        script: tsc,
        args: ['-p', 'tsconfig.pro-api.json', '--extendedDiagnostics'],
        cwd: work,
        okExitCodes: [0],
      },
      {
        name: 'tsc: raw types + openapi-fetch consumer',
        script: tsc,
        args: ['-p', 'tsconfig.raw.json', '--extendedDiagnostics'],
        cwd: work,
        okExitCodes: [0],
      },
      {
        name: 'tsc: @jamf/pro-api per-area entries consumer + paginate',
        script: tsc,
        args: ['-p', 'tsconfig.areas.json', '--extendedDiagnostics'],
        cwd: work,
        okExitCodes: [0],
      },
      {
        name: 'tsc: @jamf/pro-api consumer + paginate',
        script: tsc,
        args: ['-p', 'tsconfig.pro-api-paginate.json', '--extendedDiagnostics'],
        cwd: work,
        okExitCodes: [0],
      },
      ...(existsSync(tsc7)
        ? [
            {
              name: 'tsc 7: @jamf/pro-api per-area entries consumer + paginate',
              script: tsc7,
              args: ['-p', 'tsconfig.areas.json', '--extendedDiagnostics'],
              cwd: work,
              okExitCodes: [0],
              native: true,
            },
            {
              name: 'tsc 7: @jamf/pro-api consumer + paginate',
              script: tsc7,
              args: ['-p', 'tsconfig.pro-api-paginate.json', '--extendedDiagnostics'],
              cwd: work,
              okExitCodes: [0],
              native: true,
            },
          ]
        : []),
    ],
    rounds,
    timeoutMs,
  );
  const hasTs7 = consumers.time.length > 4;

  return {
    params: {
      reference: REFERENCE,
      rounds,
      tsc: 'typescript 5.9.3, skipLibCheck, strict, NodeNext',
      tsc7: hasTs7 ? 'typescript 7 (tools/typescript-7), same programs and options' : 'absent',
    },
    variants: [
      ...generation.time,
      ...generation.cpu,
      ...generation.memory,
      ...consumers.time,
      ...consumers.cpu,
      // TypeScript 7's peak memory is not measured (its work runs in a native child).
      ...consumers.memory.slice(0, 4),
    ],
    ratios: [
      ...ratios('codegen ÷ raw CLI', generation, 0, 1),
      ...ratios('tsc pro-api ÷ raw consumer', consumers, 0, 1),
      ...ratios('tsc per-area + paginate ÷ raw consumer', consumers, 2, 1),
      ...ratios('tsc per-area + paginate ÷ pro-api + paginate (goal ≤ 0.5)', consumers, 2, 3),
      ...(hasTs7
        ? ratios(
            'tsc 7 per-area + paginate ÷ pro-api + paginate (goal ≤ 0.5)',
            consumers,
            4,
            5,
          ).slice(0, 2)
        : []),
    ],
    notes: [
      ...generation.notes,
      ...consumers.notes,
      ...consumers.instantiations,
      ...(hasTs7 ? [] : [`TypeScript 7 lines skipped: ${tsc7} is absent (run pnpm install)`]),
    ],
  };
}
