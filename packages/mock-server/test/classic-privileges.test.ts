import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    {
      username: 'reader',
      password: 'read-only',
      privileges: ['Read Categories', 'Read Static Computer Groups'],
    },
  ],
});

const asReader = async (path: string, init: RequestInit = {}) =>
  fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${await userToken(jamf, 'reader', 'read-only')}`,
      'content-type': 'application/xml',
    },
  });

describe('Classic privileges', () => {
  it('lets an account read what it may read and nothing more', async () => {
    expect((await asReader('/categories')).status).toBe(200);
    expect((await asReader('/computergroups')).status).toBe(200);
    const computers = await asReader('/computers');
    expect(computers.status).toBe(403);
    expect(computers.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await computers.text()).toContain('Read Computers');
  });

  it('refuses writes without Create/Update/Delete privileges and changes nothing', async () => {
    const before = jamf.state.categories.list();
    expect(
      (
        await asReader('/categories/id/0', {
          method: 'POST',
          body: '<category><name>x</name></category>',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await asReader('/categories/id/1', {
          method: 'PUT',
          body: '<category><name>y</name></category>',
        })
      ).status,
    ).toBe(403);
    expect((await asReader('/categories/id/1', { method: 'DELETE' })).status).toBe(403);
    expect(jamf.state.categories.list()).toEqual(before);
  });
});
