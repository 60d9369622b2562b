import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import { createTempRoot, logSink, type TempRoot, THINGS_V1 } from './temp-root.js';

const OPENAPI_TS = 'packages/pro-api/src/generated/openapi.ts';

describe('--check', () => {
  let root: TempRoot;
  const run = (args: string[], sink = logSink()) =>
    main([...args], { root: root.path, log: sink.log });

  beforeEach(async () => {
    root = await createTempRoot();
    expect(await run(['--target', 'pro', '--from', THINGS_V1])).toBe(0);
  });
  afterEach(() => root.remove());

  it('exits 0 when the committed files match what the generator produces', async () => {
    const sink = logSink();
    expect(await run(['--check', '--target', 'pro', '--from', THINGS_V1], sink)).toBe(0);
    expect(sink.text()).toContain('up to date: 4 files');
  });

  it('exits 1 and names the file when a generated file was edited by hand', async () => {
    await appendFile(join(root.path, OPENAPI_TS), '\nexport type Edited = true;\n');
    const sink = logSink();
    expect(await run(['--check', '--target', 'pro', '--from', THINGS_V1], sink)).toBe(1);
    expect(sink.text()).toContain(`stale: ${OPENAPI_TS}`);
  });

  it('exits 1 when the spec no longer matches its source', async () => {
    const spec = join(root.path, 'specs/jamf-pro.openapi.json');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('/v1/widgets', '/v1/gadgets'));
    const sink = logSink();
    expect(await run(['--check', '--target', 'pro', '--from', THINGS_V1], sink)).toBe(1);
    expect(sink.text()).toContain('specs/jamf-pro.openapi.json');
  });

  it('exits 1 for a file left in generated/ that the generator no longer writes, and regeneration deletes it', async () => {
    const orphan = 'packages/pro-api/src/generated/removed-area.ts';
    await writeFile(join(root.path, orphan), 'export {};\n');
    const sink = logSink();
    expect(await run(['--check', '--target', 'pro', '--from', THINGS_V1], sink)).toBe(1);
    expect(sink.text()).toContain(orphan);
    expect(await run(['--target', 'pro', '--from', THINGS_V1])).toBe(0);
    expect(await run(['--check', '--target', 'pro', '--from', THINGS_V1])).toBe(0);
  });

  it('checks generated/ against the committed spec when the source is absent', async () => {
    const absent = join(root.path, 'no-such-schema.json');
    const sink = logSink();
    expect(await run(['--check', '--target', 'pro', '--from', absent], sink), sink.text()).toBe(0);
    expect(sink.text()).toContain('is absent');
    await appendFile(join(root.path, OPENAPI_TS), '// edited\n');
    expect(await run(['--check', '--target', 'pro', '--from', absent])).toBe(1);
  });

  it('refuses an unknown target and an absent source outside --check', async () => {
    const sink = logSink();
    expect(await run(['--target', 'nope'], sink)).toBe(2);
    expect(sink.text()).toContain('unknown target nope');
    expect(await run(['--target', 'pro', '--from', join(root.path, 'absent.json')], sink)).toBe(2);
    expect(sink.text()).toContain('no schema at');
  });
});
