import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { apiClient, oauthToken, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({
  accounts: [{ username: 'admin', password: 'pa55-w0rd-zz', privileges: 'all' }],
});

describe('secrets stay out of inspect and JSON.stringify', () => {
  it('passwords, client secrets and tokens never show in the state or the mock', async () => {
    const token = await userToken(jamf, 'admin', 'pa55-w0rd-zz');
    const client = await apiClient(jamf, token, ['Read API Roles']);
    const oauth = (await (
      await oauthToken(jamf, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      })
    ).json()) as { access_token: string };
    const views = [
      inspect(jamf.state, { depth: 10, showHidden: true }),
      inspect(jamf, { depth: 4 }),
      JSON.stringify(jamf.state.accounts),
      JSON.stringify(jamf.state.tokens),
      JSON.stringify(jamf.state.apiIntegrations),
      JSON.stringify(jamf.state.apiIntegrations.list()),
      JSON.stringify(jamf.state.accounts.list()),
    ];
    for (const view of views) {
      for (const secret of ['pa55-w0rd-zz', client.clientSecret, token, oauth.access_token]) {
        expect(view).not.toContain(secret);
      }
    }
    expect(jamf.state.accounts.verify('admin', 'pa55-w0rd-zz')).toMatchObject({
      username: 'admin',
    });
  });
});
