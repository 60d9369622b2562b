import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

// A real vitest run in the consumer project, as a user's test suite would use the packed entry.
it('@jamf/mock-server/vitest serves a test run by the consumer’s own vitest', () => {
  const dir = inject('consumerDir');
  const output = execFileSync(
    process.execPath,
    [join(dir, 'node_modules/vitest/vitest.mjs'), 'run', 'mock-in-vitest.test.mjs', '--root', dir],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } },
  );
  expect(output).toMatch(/1 passed/);
});
