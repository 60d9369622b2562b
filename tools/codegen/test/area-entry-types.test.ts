import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './reference.js';

const ENTRIES = resolve(REPO_ROOT, 'packages/pro-api/src/generated/entries');

/** Type-checks one consumer file against the committed entry modules; returns diagnostics and loaded files. */
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
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { diagnostics, files: program.getSourceFiles().map((f) => f.fileName) };
}

describe('a per-area entry point, as a consumer type-checks it', () => {
  let dir: string;
  let result: ReturnType<typeof typeCheck>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jamf-area-consumer-'));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    const consumer = join(dir, 'consumer.ts');
    await writeFile(
      consumer,
      [
        `import { createProClient, type Schema } from '${ENTRIES}/api-roles.js';`,
        "const jamf = createProClient({ baseUrl: 'https://tenant.example.com' });",
        "const { data } = await jamf.GET('/v1/api-roles/{id}', { params: { path: { id: '1' } } });",
        'export const name: string | undefined = data?.displayName;',
        "export const role: Schema<'ApiRoleRequest'> = { displayName: 'x', privileges: [] };",
        "await jamf.POST('/v1/api-roles', { body: role });",
        '// @ts-expect-error -- a path of another area is not part of this client',
        "await jamf.GET('/v1/computers-inventory');",
        '// @ts-expect-error -- privileges is required by the schema',
        "await jamf.POST('/v1/api-roles', { body: { displayName: 'x' } });",
        '',
      ].join('\n'),
    );
    result = typeCheck(consumer);
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("accepts the area's operations and rejects other areas' paths and invalid bodies", () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('never loads the whole-API types', () => {
    expect(result.files.some((f) => f.endsWith('/entries/api-roles.ts'))).toBe(true);
    expect(result.files.some((f) => f.endsWith('/generated/areas/api-roles.ts'))).toBe(true);
    expect(result.files.filter((f) => f.endsWith('/generated/openapi.ts'))).toEqual([]);
    expect(result.files.filter((f) => /\/generated\/areas\/(?!api-roles\.ts)/.test(f))).toEqual([]);
  });
});
