import { JamfAuthError } from '../errors.js';
import {
  clientCredentialsOf,
  type JamfCredentials,
  userCredentialsOf,
} from './jamf-credentials.js';

/** A terminal to read from: `process.stdin` or any stream with the same TTY surface. */
export interface PromptInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** Options of {@link prompt}. */
export interface PromptOptions {
  /** Which credentials to ask for. Default `user`. */
  kind?: 'user' | 'client';
  /** Server URL; asked for when omitted. */
  baseUrl?: string;
  /** Username or client id; asked for when omitted. */
  principal?: string;
  /** Where answers are read. Default `process.stdin`; must be a TTY. */
  input?: PromptInput;
  /** Where questions are written. Default `process.stderr`, keeping stdout for the program. */
  output?: NodeJS.WritableStream;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/**
 * Asks on the terminal for the server URL, the username (or client id) and the password (or
 * client secret), which is not echoed. Throws `NOT_A_TTY` when input is not a terminal, so
 * scripts fail fast instead of hanging, and `PROMPT_CANCELLED` on Ctrl-C or Ctrl-D.
 *
 * @example
 * const provider = providerFor(await fromPrompt());
 */
export async function fromPrompt(options: PromptOptions = {}): Promise<JamfCredentials> {
  if (typeof options !== 'object' || options === null) {
    throw new JamfAuthError('INVALID_OPTIONS', 'fromPrompt options must be an object');
  }
  const input = options.input ?? (process.stdin as PromptInput);
  const output = options.output ?? process.stderr;
  if (input.isTTY !== true || typeof input.setRawMode !== 'function') {
    throw new JamfAuthError(
      'NOT_A_TTY',
      'cannot prompt for Jamf Pro credentials: input is not a terminal (use fromEnv() in scripts)',
    );
  }
  const client = options.kind === 'client';
  const reader = new RawLineReader(input, output);
  try {
    const baseUrl = options.baseUrl ?? (await reader.ask('Jamf Pro URL: ', true));
    const principal =
      options.principal ?? (await reader.ask(client ? 'Client ID: ' : 'Username: ', true));
    const secret = await reader.ask(client ? 'Client secret: ' : 'Password: ', false);
    return client
      ? clientCredentialsOf(baseUrl, principal, secret)
      : userCredentialsOf(baseUrl, principal, secret);
  } finally {
    reader.close();
  }
}

/** Reads lines in raw mode so it decides what is echoed; one instance per prompt session. */
class RawLineReader {
  readonly #input: PromptInput;
  readonly #output: NodeJS.WritableStream;
  readonly #wasRaw: boolean;
  #pending = '';
  #wake: (() => void) | undefined;
  #ended = false;
  readonly #onData = (chunk: Buffer | string): void => {
    this.#pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.#wake?.();
  };
  readonly #onEnd = (): void => {
    this.#ended = true;
    this.#wake?.();
  };
  // A terminal that goes away (EIO when an SSH session drops) fails the prompt instead of
  // crashing the process with an unhandled 'error' event.
  #failure: unknown;
  readonly #onError = (error: unknown): void => {
    this.#failure = error;
    this.#onEnd();
  };

  constructor(input: PromptInput, output: NodeJS.WritableStream) {
    this.#input = input;
    this.#output = output;
    this.#wasRaw = input.isRaw === true;
    input.setRawMode?.(true);
    input.on('data', this.#onData);
    input.on('end', this.#onEnd);
    input.on('error', this.#onError);
    input.resume();
  }

  async ask(question: string, echo: boolean): Promise<string> {
    this.#output.write(question);
    let line = '';
    for (;;) {
      while (this.#pending === '') {
        if (this.#ended) throw this.#cancelled();
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
        this.#wake = undefined;
      }
      const char = this.#pending[0]!;
      this.#pending = this.#pending.slice(1);
      if (char === '\r' || char === '\n') {
        if (char === '\r' && this.#pending[0] === '\n') this.#pending = this.#pending.slice(1);
        this.#output.write('\n');
        return line;
      }
      if (char === CTRL_C || (char === CTRL_D && line === '')) throw this.#cancelled();
      if (BACKSPACES.has(char)) {
        if (line !== '' && echo) this.#output.write('\b \b');
        line = line.slice(0, -1);
      } else if (char >= ' ') {
        line += char;
        if (echo) this.#output.write(char);
      }
    }
  }

  close(): void {
    this.#input.off('data', this.#onData);
    this.#input.off('end', this.#onEnd);
    this.#input.off('error', this.#onError);
    this.#input.setRawMode?.(this.#wasRaw);
    this.#input.pause();
  }

  #cancelled(): JamfAuthError {
    this.#output.write('\n');
    return this.#failure === undefined
      ? new JamfAuthError('PROMPT_CANCELLED', 'credential prompt cancelled')
      : new JamfAuthError('PROMPT_CANCELLED', 'credential prompt cancelled: the terminal failed', {
          cause: this.#failure,
        });
  }
}
