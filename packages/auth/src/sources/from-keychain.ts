import { execFile as nodeExecFile } from 'node:child_process';
import { JamfAuthError } from '../errors.js';
import { parseCredentialsDocument } from './credentials-document.js';
import type { JamfCredentials } from './jamf-credentials.js';

/** Runs a program and resolves with its stdout; rejects with an error carrying `code` on failure. */
export type ExecFile = (file: string, args: readonly string[]) => Promise<{ stdout: string }>;

/** Options of {@link fromKeychain}. */
export interface KeychainOptions {
  /** The item's service (`security … -s`). */
  service: string;
  /** The item's account (`security … -a`). */
  account: string;
  /** Runs `security`. Default `child_process.execFile`. */
  execFile?: ExecFile;
  /** The platform to assume. Default `process.platform`. */
  platform?: NodeJS.Platform;
}

/** `security` exits with this when no item matches. */
const ITEM_NOT_FOUND_EXIT = 44;

const defaultExecFile: ExecFile = (file, args) =>
  new Promise((resolve, reject) => {
    nodeExecFile(file, [...args], { encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(error);
      else resolve({ stdout });
    });
  });

/**
 * Reads credentials from a macOS keychain generic password (`security find-generic-password -w`)
 * whose password is a credentials JSON document (`{"url","clientId","clientSecret"}` or
 * `{"url","username","password"}`). Throws `KEYCHAIN_UNAVAILABLE` off macOS.
 *
 * @example
 * // security add-generic-password -s jamf -a prod -w '{"url":"https://…","clientId":"…","clientSecret":"…"}'
 * const provider = providerFor(await fromKeychain({ service: 'jamf', account: 'prod' }));
 */
export async function fromKeychain(options: KeychainOptions): Promise<JamfCredentials> {
  const { service, account } = (options ?? {}) as Partial<KeychainOptions>;
  if (
    typeof service !== 'string' ||
    service === '' ||
    typeof account !== 'string' ||
    account === ''
  ) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      "fromKeychain needs { service, account }: the keychain item's non-empty service and account",
    );
  }
  const platform = options.platform ?? process.platform;
  const where = `keychain item (service "${service}", account "${account}")`;
  if (platform !== 'darwin') {
    throw new JamfAuthError(
      'KEYCHAIN_UNAVAILABLE',
      `the macOS keychain is not available on ${platform}; use fromEnv() or another source`,
    );
  }
  const run = options.execFile ?? defaultExecFile;
  let stdout: unknown;
  try {
    // An `execFile` of the caller's may resolve with nothing: then there is no text either.
    ({ stdout } = (await run('security', [
      'find-generic-password',
      '-s',
      service,
      '-a',
      account,
      '-w',
    ])) ?? { stdout: undefined });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // The original error can carry the command's output, so only its exit code goes along.
    const cause = new Error(`security failed (code ${String(code)})`);
    if (code === ITEM_NOT_FOUND_EXIT) {
      throw new JamfAuthError('KEYCHAIN_ITEM_NOT_FOUND', `no ${where}`, { cause });
    }
    throw new JamfAuthError(
      'KEYCHAIN_UNAVAILABLE',
      code === 'ENOENT' ? 'the macOS `security` tool was not found' : `could not read the ${where}`,
      { cause },
    );
  }
  if (typeof stdout !== 'string') {
    throw new JamfAuthError('CREDENTIALS_DOCUMENT_INVALID', `${where}: security printed no text`);
  }
  return parseCredentialsDocument(stdout.trim(), where);
}
