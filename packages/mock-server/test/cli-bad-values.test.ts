import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../src/standalone/cli-options.js';
import { spawnServer } from './support/standalone-support.js';

function usageError(argv: string[]): CliUsageError {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('jamf-mock-server refuses bad values with one clear line', () => {
  it("a negative number after a flag: one line, not the parser's three", () => {
    for (const argv of [
      ['--port', '-1'],
      ['--computers', '-3'],
    ]) {
      const { message } = usageError(argv);
      expect(message).not.toContain('\n');
      expect(message).toMatch(/argument is ambiguous/);
    }
  });

  it('--computers beyond what memory holds: a usage error, not minutes of generation and an OOM', () => {
    expect(usageError(['--computers', '1000000000']).message).toBe(
      '--computers must be at most 100000',
    );
    expect(parseCliArgs(['--computers', '100000']).server.counts).toEqual({ computers: 100_000 });
  });

  it('--user with an empty password is a usage error', () => {
    expect(usageError(['--user', 'ci:']).message).toMatch(/--user takes NAME:PASSWORD/);
  });

  it.each([
    ['an empty --user password', ['--user', 'ci:']],
    ['an option the mock itself refuses (an empty --host)', ['--host=']],
  ])(
    'the bin with %s exits 2 with one "error:" line, no stack trace',
    async (_, args) => {
      const error = await spawnServer([...args, '--quiet']).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/exited \(2\)[\s\S]*\nerror: /);
      expect(error?.message).not.toMatch(/^\s+at /m);
      expect(error?.message).not.toContain('MockOptionError:');
    },
    60_000,
  );
});
