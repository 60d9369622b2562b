import { inspect } from 'node:util';

/** Where the demo writes and whether it may use colour. */
export interface NarratorOutput {
  write(text: string): void;
  /** Colour and in-place progress only on a terminal. */
  isTTY: boolean;
}

type Style = 'bold' | 'dim' | 'green' | 'red' | 'cyan' | 'yellow';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  red: [31, 39],
  cyan: [36, 39],
  yellow: [33, 39],
};

/** Thrown by a step to stop the story; the message is what the reader sees. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  readonly code = 'DEMO_STEP_FAILED';
  constructor(
    readonly step: string,
    options: ErrorOptions,
  ) {
    super(`step "${step}" failed: ${describeCause(options.cause)}`, options);
  }
}

/** Tells the demo's story: numbered steps, notes, tables and a progress line. */
export class Narrator {
  #stepNumber = 0;

  constructor(private readonly out: NarratorOutput) {}

  /** Styles text when writing to a terminal, leaves it plain otherwise. */
  style(style: Style, text: string): string {
    if (!this.out.isTTY) return text;
    const [on, off] = CODES[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  }

  /** Runs one step under a heading; a failure becomes a {@link StepFailure} naming the step. */
  async step<T>(title: string, run: () => Promise<T>): Promise<T> {
    this.#stepNumber += 1;
    this.out.write(`\n${this.style('bold', `${this.#stepNumber}. ${title}`)}\n`);
    try {
      return await run();
    } catch (cause) {
      throw new StepFailure(title, { cause });
    }
  }

  /** One line of narration under the current step. */
  note(text: string): void {
    this.out.write(`   ${text}\n`);
  }

  /** A success line. */
  ok(text: string): void {
    this.out.write(`   ${this.style('green', '✓')} ${text}\n`);
  }

  /** An expected refusal, shown as such. */
  refused(text: string): void {
    this.out.write(`   ${this.style('yellow', '⨯')} ${text}\n`);
  }

  /** A small aligned table. */
  table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    const cells = [headers, ...rows.map((row) => row.map(String))];
    const widths = headers.map((_, column) =>
      Math.max(...cells.map((row) => (row[column] ?? '').length)),
    );
    const line = (row: readonly string[]) =>
      row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
    this.out.write(`   ${this.style('cyan', line(headers))}\n`);
    this.out.write(`   ${this.style('dim', widths.map((w) => '─'.repeat(w)).join('  '))}\n`);
    for (const row of cells.slice(1)) this.out.write(`   ${line(row)}\n`);
  }

  /** A progress bar redrawn in place on a terminal; elsewhere only its last state is written. */
  progress(label: string, total: number): { tick(done: number): void; done(): void } {
    let last = 0;
    const render = (done: number) => {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      return `   ${label} [${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}`;
    };
    return {
      tick: (done) => {
        last = done;
        if (this.out.isTTY) this.out.write(`\r${render(done)}`);
      },
      done: () => this.out.write(`${this.out.isTTY ? '\r' : ''}${render(last)}\n`),
    };
  }

  /** The closing line of a failed run, with the chain of causes. */
  failure(error: unknown): void {
    this.out.write(
      `\n${this.style('red', '✗')} ${error instanceof Error ? error.message : inspect(error)}\n`,
    );
  }
}

function describeCause(cause: unknown): string {
  const parts: string[] = [];
  let current: unknown = cause;
  while (current instanceof Error && parts.length < 4) {
    const code = (current as { code?: unknown }).code;
    parts.push(`${current.message}${typeof code === 'string' ? ` [${code}]` : ''}`);
    current = current.cause;
  }
  if (parts.length === 0) parts.push(String(cause));
  return [...new Set(parts)].join(' ← ');
}
