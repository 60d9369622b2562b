import { beforeAll, describe, expect, inject, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';
import { type ProbeLine, runProbe } from '../src/run-probe.js';

const packages = publishedPackages();
const entries = packages.flatMap((pkg) =>
  pkg.subpaths.map((subpath) => ({ name: pkg.name, subpath })),
);

describe.each(['esm', 'cjs'] as const)('every entry point, loaded with %s', (format) => {
  let lines: ProbeLine[] = [];
  beforeAll(() => {
    lines = runProbe(
      inject('consumerDir'),
      format,
      packages.map((pkg) => pkg.name),
    );
  });

  it.each(entries)('$name $subpath', ({ name, subpath }) => {
    const line = lines.find((found) => found.name === name && found.subpath === subpath);
    expect(line, 'the probe never reached this entry').toBeDefined();
    expect(line?.error).toBeUndefined();
    expect(line?.ok).toBe(true);
  });
});
