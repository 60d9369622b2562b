import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREA_TABLE_END, AREA_TABLE_START } from '../src/area-table.js';
import { main } from '../src/index.js';
import { createTempRoot, logSink, type TempRoot, THINGS_V1 } from './temp-root.js';

const GENERATED = 'packages/pro-api/src/generated';
const MANIFEST = 'packages/pro-api/package.json';
const README = 'packages/pro-api/README.md';
const HAND_WRITTEN_MANIFEST = `{
  "name": "@jamf/pro-api",
  "exports": {
    ".": { "import": "./dist/index.js" },
    "./old-area": {
      "import": { "types": "./dist/areas/old-area.d.ts", "default": "./dist/areas/old-area.js" },
      "require": { "types": "./dist/areas/old-area.d.cts", "default": "./dist/areas/old-area.cjs" }
    },
    "./package.json": "./package.json"
  },
  "files": ["dist"]
}
`;

describe('per-area entry points', () => {
  let root: TempRoot;
  const read = (path: string) => readFile(join(root.path, path), 'utf8');
  const run = async (...args: string[]) => {
    const sink = logSink();
    const code = await main(args, { root: root.path, log: sink.log });
    expect(code, sink.text()).toBe(0);
  };

  beforeEach(async () => {
    root = await createTempRoot();
    await mkdir(dirname(join(root.path, MANIFEST)), { recursive: true });
    await writeFile(join(root.path, MANIFEST), HAND_WRITTEN_MANIFEST);
    // Registry order, not flag order: the areas are cut from the spec the pro target writes.
    await run('--target', 'pro-areas', '--target', 'pro', '--from', THINGS_V1);
  });
  afterEach(() => root.remove());

  it("emits one types module per tag holding only that tag's paths and the components they reach", async () => {
    const things = await read(`${GENERATED}/areas/things.ts`);
    expect(things).toContain('"/v1/things": {');
    expect(things).toContain('"/v1/things/{id}": {');
    expect(things).not.toContain('/v1/widgets');
    // Thing is reached directly, Kind only through Thing; Widget and Unused are not reached.
    expect(things).toMatch(/\bThing: \{/);
    expect(things).toMatch(/\bThingList: \{/);
    expect(things).toMatch(/\bKind: "A" \| "B"/);
    expect(things).not.toMatch(/\bWidget: \{/);
    expect(things).not.toMatch(/\bUnused: \{/);

    const widgets = await read(`${GENERATED}/areas/widgets.ts`);
    expect(widgets).toContain('"/v1/widgets": {');
    expect(widgets).not.toContain('/v1/things');
    expect(widgets).toMatch(/\bWidget: \{/);
  });

  it('emits an entry module per tag with a createProClient typed over that area', async () => {
    const entry = await read(`${GENERATED}/entries/things.ts`);
    expect(entry).toContain("import type { components, paths } from '../areas/things.js';");
    expect(entry).toContain("from '../../create-client.js';");
    expect(entry).toContain("export { paginate } from '../../paginate.js';");
    expect(entry).toContain(
      'export function createProClient(options: ProClientOptions): ProClient {',
    );
    expect(entry).not.toContain('generated/openapi');
  });

  it("keeps the package's ./areas/<tag> exports in step with the tags, types first", async () => {
    const manifest = JSON.parse(await read(MANIFEST));
    expect(Object.keys(manifest.exports)).toEqual([
      '.',
      './areas/things',
      './areas/widgets',
      './package.json',
    ]);
    expect(manifest.exports['./areas/things']).toEqual({
      import: { types: './dist/areas/things.d.ts', default: './dist/areas/things.js' },
      require: { types: './dist/areas/things.d.cts', default: './dist/areas/things.cjs' },
    });
    expect(manifest.files).toEqual(['dist']);
  });

  it('leaves a manifest whose area exports already match byte for byte, and --check passes', async () => {
    const reformatted = JSON.stringify(JSON.parse(await read(MANIFEST)), null, 4);
    await writeFile(join(root.path, MANIFEST), reformatted);
    await run('--target', 'pro-areas');
    expect(await read(MANIFEST)).toBe(reformatted);
    await run('--check', '--target', 'pro-areas');
  });

  it('leaves hand-placed entries where they are when the area entries are in step', async () => {
    const manifest = JSON.parse(await read(MANIFEST));
    const { '.': rootEntry, ...rest } = manifest.exports;
    const moved = JSON.stringify({ ...manifest, exports: { ...rest, '.': rootEntry } }, null, 2);
    await writeFile(join(root.path, MANIFEST), moved);
    await run('--check', '--target', 'pro-areas');
    await run('--target', 'pro-areas');
    expect(await read(MANIFEST)).toBe(moved);
  });

  it('fails with a clear message when a hand-written entry takes an area subpath', async () => {
    const manifest = JSON.parse(await read(MANIFEST));
    manifest.exports['./areas/things'] = { import: './dist/things-by-hand.js' };
    await writeFile(join(root.path, MANIFEST), JSON.stringify(manifest, null, 2));
    const sink = logSink();
    expect(await main(['--target', 'pro-areas'], { root: root.path, log: sink.log })).toBe(2);
    expect(sink.text()).toContain('package.json exports "./areas/things" by hand');
  });

  it('writes the README table from path prefix to area between its markers', async () => {
    await writeFile(
      join(root.path, README),
      `# pro-api\n\n${AREA_TABLE_START}\nstale\n${AREA_TABLE_END}\n\nafter\n`,
    );
    await run('--target', 'pro-areas');
    const readme = await read(README);
    expect(readme).toContain('| `/v1/things` | `@jamf/pro-api/areas/things` |');
    expect(readme).toContain('| `/v1/widgets` | `@jamf/pro-api/areas/widgets` |');
    expect(readme).not.toContain('stale');
    expect(readme.endsWith(`${AREA_TABLE_END}\n\nafter\n`)).toBe(true);
    await run('--check', '--target', 'pro-areas');

    await writeFile(join(root.path, README), '# pro-api without markers\n');
    const sink = logSink();
    expect(await main(['--target', 'pro-areas'], { root: root.path, log: sink.log })).toBe(2);
    expect(sink.text()).toContain('markers');
  });

  it('fails --check when an area module is missing or stale', async () => {
    await writeFile(join(root.path, `${GENERATED}/areas/things.ts`), 'export {};\n');
    const sink = logSink();
    expect(
      await main(['--check', '--target', 'pro-areas'], { root: root.path, log: sink.log }),
    ).toBe(1);
    expect(sink.text()).toContain(`${GENERATED}/areas/things.ts`);
  });
});
