import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// jamf-pro-sdk-python's `set_computer_unmanaged_by_id`/`set_computer_managed_by_id` and ruby-jss's
// `Computer#make_unmanaged` write `general/remote_management` with `managed`,
// `management_username` and `management_password`; the username reads back, the password never.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 2, mobileDevices: 1 } });

async function classic(method: string, path: string, accept: string, body?: string) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await userToken(jamf)}`,
    accept,
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
}

describe('Classic computer remote management', () => {
  it('keeps the management username a PUT sends and answers it, never the password', async () => {
    const updated = await classic(
      'PUT',
      '/computers/id/1',
      'application/xml',
      '<computer><general><remote_management><managed>true</managed><management_username>radmin</management_username><management_password>s3cret-pw</management_password></remote_management></general></computer>',
    );
    expect(updated.status).toBe(201);
    const json = (await (await classic('GET', '/computers/id/1', 'application/json')).json()) as {
      computer: { general: { remote_management: Record<string, unknown> } };
    };
    expect(json.computer.general.remote_management).toMatchObject({
      managed: true,
      management_username: 'radmin',
    });
    const xml = await (
      await classic('GET', '/computers/id/1/subset/general', 'application/xml')
    ).text();
    expect(xml).toContain('<management_username>radmin</management_username>');
    expect(xml).not.toContain('s3cret-pw');
    expect(JSON.stringify(jamf.state.computers.get(1))).not.toContain('s3cret-pw');
  });

  it('keeps the username when a later PUT leaves it out', async () => {
    await classic(
      'PUT',
      '/computers/id/2',
      'application/xml',
      '<computer><general><remote_management><management_username>admin2</management_username></remote_management></general></computer>',
    );
    await classic(
      'PUT',
      '/computers/id/2',
      'application/xml',
      '<computer><general><asset_tag>TAG-2</asset_tag></general></computer>',
    );
    const json = (await (await classic('GET', '/computers/id/2', 'application/json')).json()) as {
      computer: { general: { asset_tag: string; remote_management: Record<string, unknown> } };
    };
    expect(json.computer.general.asset_tag).toBe('TAG-2');
    expect(json.computer.general.remote_management.management_username).toBe('admin2');
  });
});
