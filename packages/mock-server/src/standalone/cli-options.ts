import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNT, type MockAccountOptions } from '../state/accounts.js';
import { JAMF_VERSION } from '../state/jamf-version.js';
import type { JamfMockServerOptions } from './serve.js';

/** The command line's usage text. */
export const USAGE = `Usage: jamf-mock-server [options]
  --port N              port to listen on (0 = any free port; default 0)
  --host HOST           interface to listen on (default 127.0.0.1)
  --user NAME:PASSWORD  an administrator account; repeatable (default ${DEFAULT_ACCOUNT.username}:${DEFAULT_ACCOUNT.password})
  --token-lifetime S    lifetime of user tokens in seconds (default 1800)
  --seed N              seed of the generated inventory and seeded objects (default 1)
  --jamf-version X.Y.Z  version /v1/jamf-pro-version reports (default: the spec's)
  --computers N         how many computers to generate (at most 100000)
  --allow-basic-classic accept Basic auth on the Classic API, like a server before 11.5
                        (default: bearer tokens only, as every current server)
  --max-body-bytes N    largest request body accepted; larger gets 413 (default 20 GiB)
  --cluster-nodes N     emulate Jamf Cloud's N web application nodes: an APBALANCEID cookie
                        pins a client to one, and an object one node creates is 404 on the
                        others until the cluster refresh (default: one server, no cookie)
  --cluster-sync S      seconds until the other nodes know a new object (default 60)
  --quiet               no per-request log lines
  --help                this text`;

/** Largest `--computers`: what the generated inventory holds in memory in a few hundred MB. */
const MAX_COMPUTERS = 100_000;

/** What the command line asked for. */
export interface CliSettings {
  server: Omit<JamfMockServerOptions, 'log'>;
  quiet: boolean;
  help: boolean;
}

/** Raised for a bad flag; the CLI prints its message and the usage, and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly code = 'USAGE';
}

/** Parses `jamf-mock-server`'s flags. @throws CliUsageError */
export function parseCliArgs(argv: readonly string[]): CliSettings {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    // Node's parser explains some refusals over three lines; the first says what is wrong.
    const [first] = (error as Error).message.split('\n');
    throw new CliUsageError(first ?? 'bad arguments', { cause: error });
  }
  const accounts: MockAccountOptions[] = (values.user ?? []).map((entry) => {
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) {
      throw new CliUsageError('--user takes NAME:PASSWORD, both non-empty');
    }
    return { username: entry.slice(0, colon), password: entry.slice(colon + 1), privileges: 'all' };
  });
  const server: CliSettings['server'] = {
    port: whole(values.port, '--port', 0) ?? 0,
    host: values.host ?? '127.0.0.1',
    accounts: accounts.length > 0 ? accounts : undefined,
    tokenLifetimeSeconds: whole(values['token-lifetime'], '--token-lifetime', 1),
    seed: whole(values.seed, '--seed', 0),
  };
  if (values['allow-basic-classic']) server.allowBasicAuthOnClassic = true;
  const maxBodyBytes = whole(values['max-body-bytes'], '--max-body-bytes', 1);
  if (maxBodyBytes !== undefined) server.maxBodyBytes = maxBodyBytes;
  const version = values['jamf-version'];
  if (version !== undefined) {
    if (!JAMF_VERSION.test(version))
      throw new CliUsageError('--jamf-version takes a version such as 11.25.2');
    server.jamfProVersion = version;
  }
  const nodes = whole(values['cluster-nodes'], '--cluster-nodes', 1);
  const syncSeconds = whole(values['cluster-sync'], '--cluster-sync', 0);
  if (syncSeconds !== undefined && nodes === undefined)
    throw new CliUsageError('--cluster-sync needs --cluster-nodes');
  if (nodes !== undefined) {
    if (nodes > 64) throw new CliUsageError('--cluster-nodes must be at most 64');
    server.cluster = { nodes, ...(syncSeconds === undefined ? {} : { syncSeconds }) };
  }
  const computers = whole(values.computers, '--computers', 0);
  if (computers !== undefined) {
    // Each computer's full inventory is held in memory (100,000 take some 340 MB): a billion
    // would grow the heap for minutes and end in an out-of-memory crash, not a server.
    if (computers > MAX_COMPUTERS) {
      throw new CliUsageError(`--computers must be at most ${MAX_COMPUTERS}`);
    }
    server.counts = { computers };
  }
  if (server.port !== undefined && server.port > 65535)
    throw new CliUsageError('--port must be at most 65535');
  return { server, quiet: values.quiet ?? false, help: values.help ?? false };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      user: { type: 'string', multiple: true },
      'token-lifetime': { type: 'string' },
      seed: { type: 'string' },
      'jamf-version': { type: 'string' },
      computers: { type: 'string' },
      'allow-basic-classic': { type: 'boolean' },
      'max-body-bytes': { type: 'string' },
      'cluster-nodes': { type: 'string' },
      'cluster-sync': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
}

function whole(text: string | undefined, flag: string, minimum: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    throw new CliUsageError(`${flag} takes a whole number >= ${minimum}`);
  }
  return value;
}
