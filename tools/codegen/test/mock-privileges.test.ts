import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLASSIC_SPEC_FILE } from '../src/classic-target.js';
import { MOCK_GENERATED_DIR, mockTarget, PRIVILEGE_LIST_FILE } from '../src/mock-target.js';
import { PRO_SPEC_FILE } from '../src/pro-target.js';
import type { TargetContext } from '../src/target.js';
import { createTempRoot, logSink, type TempRoot } from './temp-root.js';

const SPEC = {
  'x-jamf-source': { jamfProVersion: '11.30.1' },
  paths: {
    '/v1/things': {
      get: { 'x-required-privileges': ['Read Things', 'Read API Roles'] },
      post: { 'x-required-privileges': ['Create Things'] },
    },
  },
};

function contextFor(root: string, source: string | undefined, isCheck: boolean): TargetContext {
  return {
    root,
    source,
    token: undefined,
    jamfVersion: undefined,
    isCheck,
    overlays: [],
    outputs: {
      [PRO_SPEC_FILE]: JSON.stringify(SPEC),
      [CLASSIC_SPEC_FILE]: JSON.stringify({ 'x-jamf-classic-resources': {} }),
    },
    fetch: undefined,
    log: logSink().log,
  };
}

const catalogue = (files: Record<string, string>) =>
  JSON.parse(
    /Object\.freeze\((\[[\s\S]*?\])\)/.exec(
      files[`${MOCK_GENERATED_DIR}/privilege-catalogue.ts`] ?? '',
    )?.[1] ?? 'null',
  ) as string[];

describe('mock-server target: the privilege catalogue', () => {
  let root: TempRoot | undefined;
  afterEach(() => root?.remove());

  it('is the listed names together with the spec x-required-privileges, sorted, once each', async () => {
    root = await createTempRoot();
    const list = join(root.path, 'privileges-11.25.2.txt');
    await writeFile(list, 'Read Things\nCreate Policies\n\nRead API Integrations\r\n');
    const files = await mockTarget.build(contextFor(root.path, list, false));
    expect(catalogue(files)).toEqual([
      'Create Policies',
      'Create Things',
      'Read API Integrations',
      'Read API Roles',
      'Read Things',
    ]);
    expect(JSON.parse(files[PRIVILEGE_LIST_FILE] ?? '{}')).toMatchObject({
      'x-jamf-source': { jamfProVersion: '11.25.2' },
      privileges: ['Create Policies', 'Read API Integrations', 'Read Things'],
    });
  });

  it('under --check without the list, reads the committed facts; without them it fails', async () => {
    root = await createTempRoot();
    const missing = join(root.path, 'absent.txt');
    await expect(mockTarget.build(contextFor(root.path, missing, true))).rejects.toMatchObject({
      code: 'SOURCE_MISSING',
    });
    await mkdir(join(root.path, 'specs'), { recursive: true });
    await writeFile(
      join(root.path, PRIVILEGE_LIST_FILE),
      JSON.stringify({
        'x-jamf-source': { jamfProVersion: '11.25.2' },
        privileges: ['Create Policies'],
      }),
    );
    const files = await mockTarget.build(contextFor(root.path, missing, true));
    expect(catalogue(files)).toEqual([
      'Create Policies',
      'Create Things',
      'Read API Roles',
      'Read Things',
    ]);
    expect(files[PRIVILEGE_LIST_FILE]).toBeUndefined();
  });
});
