import { execFileSync } from 'node:child_process';

/** One entry point as the probe found it. */
export interface ProbeLine {
  name: string;
  subpath: string;
  ok: boolean;
  detail?: string;
  error?: string;
}

/**
 * Runs `fixtures/probe.cjs` in the consumer project: every subpath of every named package loaded
 * with `import()` (esm) or `require()` (cjs) and exercised against the packed mock server.
 */
export function runProbe(dir: string, format: 'esm' | 'cjs', names: string[]): ProbeLine[] {
  const output = execFileSync(process.execPath, ['probe.cjs', format, JSON.stringify(names)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ProbeLine);
}
