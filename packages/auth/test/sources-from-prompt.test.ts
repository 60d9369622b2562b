import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isJamfAuthError } from '../src/index.js';
import { fromPrompt, type PromptInput } from '../src/sources/index.js';

/** A fake terminal: a stream with the TTY surface, recording raw-mode switches. */
function terminal() {
  const input = new PassThrough() as PassThrough & PromptInput;
  const rawModes: boolean[] = [];
  input.isTTY = true;
  input.isRaw = false;
  input.setRawMode = (mode: boolean) => {
    rawModes.push(mode);
    input.isRaw = mode;
    return input;
  };
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
  });
  return { input, output, rawModes, shown: () => shown };
}

describe('fromPrompt()', () => {
  it('asks for URL, username and a password that is not echoed', async () => {
    const t = terminal();
    const answer = fromPrompt({ input: t.input, output: t.output });
    t.input.write('https://example.jamfcloud.com\r');
    t.input.write('adminx\u007f\r');
    for (const char of 'pw-very-secret') t.input.write(char);
    t.input.write('\r');
    const credentials = await answer;
    expect(credentials).toMatchObject({
      kind: 'user',
      baseUrl: 'https://example.jamfcloud.com',
      username: 'admin',
    });
    expect(credentials.kind === 'user' && credentials.password).toBe('pw-very-secret');
    expect(t.shown()).toContain('Jamf Pro URL: https://example.jamfcloud.com\n');
    expect(t.shown()).toContain('Password: \n');
    expect(t.shown()).not.toContain('pw-very-secret');
    expect(t.shown()).not.toMatch(/[*]/);
    expect(t.rawModes).toEqual([true, false]);
  });

  it('asks only for what was not given, and can ask for API client credentials', async () => {
    const t = terminal();
    const answer = fromPrompt({
      kind: 'client',
      baseUrl: 'https://example.jamfcloud.com',
      input: t.input,
      output: t.output,
    });
    t.input.write('client-1\rcs-very-secret\r');
    const credentials = await answer;
    expect(credentials).toMatchObject({ kind: 'client', clientId: 'client-1' });
    expect(credentials.kind === 'client' && credentials.clientSecret).toBe('cs-very-secret');
    expect(t.shown()).toBe('Client ID: client-1\nClient secret: \n');
  });

  it('fails fast with NOT_A_TTY when input is not a terminal', async () => {
    const input = new PassThrough() as PassThrough & PromptInput;
    const error = await fromPrompt({ input, output: new PassThrough() }).catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'NOT_A_TTY')).toBe(true);
    expect((error as Error).message).toMatch(/not a terminal/);
  });

  it('cancels on Ctrl-C and restores the terminal', async () => {
    const t = terminal();
    const answer = fromPrompt({ input: t.input, output: t.output });
    t.input.write('https://example.jamfcloud.com\radmin\rpw-par\u0003');
    const error = await answer.catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PROMPT_CANCELLED')).toBe(true);
    expect(t.rawModes).toEqual([true, false]);
    expect(t.shown()).not.toContain('pw-par');
  });

  it('cancels when the terminal fails (EIO), restoring it, instead of an unhandled error event', async () => {
    const t = terminal();
    const answer = fromPrompt({ input: t.input, output: t.output });
    t.input.write('https://example.jamfcloud.com\radmin\rpw-par');
    await new Promise((resolve) => setImmediate(resolve));
    t.input.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' }));
    const error = await answer.catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PROMPT_CANCELLED')).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: 'EIO' });
    expect(t.rawModes).toEqual([true, false]);
    expect(t.shown()).not.toContain('pw-par');
  });

  it('cancels when input ends', async () => {
    const t = terminal();
    const answer = fromPrompt({ input: t.input, output: t.output });
    t.input.end('https://example.jamfcloud.com\r');
    const error = await answer.catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PROMPT_CANCELLED')).toBe(true);
  });
});
