import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import { createTempRoot, logSink, type TempRoot, THINGS_V1 } from './temp-root.js';

describe('overlays', () => {
  let root: TempRoot;
  const overlay = (name: string, body: unknown) =>
    writeFile(
      join(root.path, 'specs/overlays', name),
      typeof body === 'string' ? body : JSON.stringify(body),
    );
  const generate = async () => {
    const sink = logSink();
    const code = await main(['--target', 'pro', '--from', THINGS_V1], {
      root: root.path,
      log: sink.log,
    });
    return { code, out: sink.text() };
  };

  beforeEach(async () => {
    root = await createTempRoot();
  });
  afterEach(() => root.remove());

  it('applies an overlay to the distilled spec', async () => {
    await overlay('001-kind-c.json', {
      why: 'Kind C exists on servers but is missing from the document.',
      target: 'jamf-pro',
      patch: [{ op: 'add', path: '/components/schemas/Kind/enum/-', value: 'C' }],
    });
    expect((await generate()).code).toBe(0);
    const spec = JSON.parse(await readFile(join(root.path, 'specs/jamf-pro.openapi.json'), 'utf8'));
    expect(spec.components.schemas.Kind.enum).toEqual(['A', 'B', 'C']);
  });

  it('fails loudly, naming the overlay, when it no longer applies', async () => {
    await overlay('002-gone.json', {
      why: 'Fixes an operation Jamf has since removed.',
      target: 'jamf-pro',
      patch: [{ op: 'replace', path: '/paths/~1v1~1gone/get/deprecated', value: true }],
    });
    const { code, out } = await generate();
    expect(code).toBe(2);
    expect(out).toMatch(/Overlay 002-gone\.json does not apply/);
  });

  it('fails loudly, naming the overlay, when it is malformed', async () => {
    await overlay('003-no-why.json', { target: 'jamf-pro', patch: [] });
    let result = await generate();
    expect(result.code).toBe(2);
    expect(result.out).toContain('Overlay 003-no-why.json needs "why"');

    await overlay('003-no-why.json', '{ "why": "truncated", ');
    result = await generate();
    expect(result.code).toBe(2);
    expect(result.out).toContain('Overlay 003-no-why.json is not valid JSON');

    await overlay('003-no-why.json', {
      why: 'bad op',
      target: 'jamf-pro',
      patch: [{ op: 'frobnicate', path: '/x' }],
    });
    result = await generate();
    expect(result.code).toBe(2);
    expect(result.out).toContain('Overlay 003-no-why.json does not apply');
  });

  it('ignores overlays meant for another target', async () => {
    await overlay('004-classic.json', {
      why: 'Applies to another document.',
      target: 'jamf-classic',
      patch: [{ op: 'remove', path: '/paths/~1nowhere' }],
    });
    expect((await generate()).code).toBe(0);
  });
});
