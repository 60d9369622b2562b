import { afterAll, beforeAll, expect } from 'vitest';
import type { VitestJamfMock } from '../../src/vitest.js';
import { SpecContract } from './contract.js';

/**
 * Checks every Pro answer a test file's mock gives against the spec (see `SpecContract`), and
 * fails the file in `afterAll` listing any answer that broke it.
 */
export function watchContract(jamf: VitestJamfMock): SpecContract {
  const contract = new SpecContract();
  const checks: Promise<string[]>[] = [];
  const basePath = new URL(jamf.baseUrl).pathname.replace(/\/+$/, '');
  beforeAll(async () => {
    await contract.ready();
    jamf.server.events.on('response:mocked', ({ request, response }) => {
      const path = new URL(request.url).pathname.slice(basePath.length);
      if (!path.startsWith('/api/')) return;
      const operation = contract.match(request.method, path.slice('/api'.length));
      if (operation !== undefined) checks.push(contract.check(operation, response.clone()));
    });
  });
  afterAll(async () => {
    const problems = (await Promise.all(checks)).flat();
    expect(problems).toEqual([]);
  });
  return contract;
}
