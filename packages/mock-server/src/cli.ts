#!/usr/bin/env node
import { CliUsageError, parseCliArgs, USAGE } from './standalone/cli-options.js';
import { startJamfMockServer } from './standalone/serve.js';
import { MockOptionError } from './state/mock-option-error.js';

async function run(argv: string[]): Promise<number> {
  let settings: ReturnType<typeof parseCliArgs>;
  try {
    settings = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`error: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (settings.help) {
    console.log(USAGE);
    return 0;
  }
  let server: Awaited<ReturnType<typeof startJamfMockServer>>;
  try {
    server = await startJamfMockServer({
      ...settings.server,
      log: settings.quiet ? undefined : (line) => console.log(line),
    });
  } catch (error) {
    // An option the mock refuses is a usage error like a bad flag: one line, no stack.
    if (error instanceof MockOptionError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    // A port in use or a host that does not resolve is the user's to fix: one line, no stack.
    if (!isSystemError(error)) throw error;
    console.error(`error: cannot listen: ${error.message}`);
    return 1;
  }
  console.log(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** A Node system error (`EADDRINUSE`, `ENOTFOUND`, `EACCES`, …) rather than a bug of ours. */
function isSystemError(error: unknown): error is Error & { code: string; syscall: string } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { syscall?: unknown }).syscall === 'string'
  );
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
