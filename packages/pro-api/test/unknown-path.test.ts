import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SOURCE = resolve(import.meta.dirname, '../src');

/** Type-checks a consumer of the package's source; returns each diagnostic's code and text. */
function typeCheck(file: string) {
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ({ code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
}

describe('a typed call with an unknown path, as tsc reports it', () => {
  let dir: string;
  let diagnostics: ReturnType<typeof typeCheck>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jamf-unknown-path-'));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    const consumer = join(dir, 'consumer.ts');
    await writeFile(
      consumer,
      [
        `import { createProClient } from '${SOURCE}/index.js';`,
        `import { createProClient as inventory } from '${SOURCE}/generated/entries/computer-inventory.js';`,
        "const jamf = createProClient({ baseUrl: 'https://tenant.example.com' });",
        "const area = inventory({ baseUrl: 'https://tenant.example.com' });",
        "await jamf.GET('/v1/computers-inventry');",
        "await jamf.GET('/v1/computers-inventry', { params: { query: { section: ['GENERAL'] } } });",
        "await jamf.POST('/v2/api-roles', { body: { displayName: 'x', privileges: [] } });",
        "await area.GET('/v1/computers-inventry');",
        '',
      ].join('\n'),
    );
    diagnostics = typeCheck(consumer);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives one error per call, none of them TS2589 ("excessively deep")', () => {
    expect(diagnostics.map((d) => d.code)).toEqual([2345, 2345, 2345, 2345]);
  });

  it('names the closest real paths, with one argument or two', () => {
    const [oneArgument, twoArguments, , area] = diagnostics.map((d) => d.text);
    for (const text of [oneArgument, twoArguments, area]) {
      expect(text).toContain(`Argument of type '"/v1/computers-inventry"' is not assignable`);
      expect(text).toContain('"/v1/computers-inventory"');
      expect(text).not.toContain('/v1/api-roles');
    }
  });

  it('names the same resource under the version that has it', () => {
    expect(diagnostics[2]?.text).toContain('"/v1/api-roles"');
  });
});
