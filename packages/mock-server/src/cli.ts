#!/usr/bin/env node
import { CliUsageError, parseCliArgs, USAGE } from './standalone/cli-options.js';
import { startJamfMockServer } from './standalone/serve.js';

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
  const server = await startJamfMockServer({
    ...settings.server,
    log: settings.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
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
