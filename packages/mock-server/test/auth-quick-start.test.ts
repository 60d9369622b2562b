import { join } from 'node:path';
import { readSnippets } from '@jamf/snippets';
// #region quick-start
import { it as check, describe, expect, expect as expectValue, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';

const jamf = setupJamfMock({
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'auditor', password: 'secret', privileges: ['Read Computers'] },
  ],
  counts: { computers: 25 },
});

async function tokenFor(username: string, password: string): Promise<string> {
  const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${username}:${password}`)}` },
  });
  return ((await response.json()) as { token: string }).token;
}

it('reads inventory and is refused what it may not do', async () => {
  const token = await tokenFor('auditor', 'secret');
  const headers = { authorization: `Bearer ${token}` };
  const computers = await fetch(`${jamf.baseUrl}/api/v1/computers-inventory?page-size=10`, {
    headers,
  });
  expectValue(((await computers.json()) as { totalCount: number }).totalCount).toBe(25);
  const roles = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, { headers });
  expectValue(roles.status).toBe(403);
});

it('survives a rate limit', async () => {
  jamf.faults.add({
    path: '/api/v1/computers-inventory',
    status: 429,
    retryAfterSeconds: 2,
    times: 1,
  });
  const token = await tokenFor('admin', 'jamf1234');
  const first = await fetch(`${jamf.baseUrl}/api/v1/computers-inventory`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expectValue(first.headers.get('retry-after')).toBe('2');
});
// #endregion quick-start

describe('README quick start', () => {
  check("is this file's quick-start region, with package imports", () => {
    const { blocks } = readSnippets(join(import.meta.dirname, '..', 'README.md'), {
      rewrite: { "'../src/vitest.js'": "'@jamf/mock-server/vitest'" },
    });
    expect(blocks.map((block) => block.source)).toContain(
      'test/auth-quick-start.test.ts#quick-start',
    );
    for (const block of blocks) expect(block.shown, block.source).toBe(block.expected);
  });
});
