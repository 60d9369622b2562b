import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createJamfMock } from '../src/index.js';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ baseUrl: 'https://acme.jamfcloud.test/ignored-path' });

describe('handlers are plain msw data', () => {
  it('lists one handler per route with a readable header, literal paths first, catch-all last', () => {
    const headers = jamf.handlers.map((handler) => handler.info.header);
    expect(headers).toContain('GET https://acme.jamfcloud.test/api/v1/api-roles/:id');
    expect(headers).toContain('POST https://acme.jamfcloud.test/api/oauth/token');
    expect(headers).toContain('POST https://acme.jamfcloud.test/uapi/auth/tokens');
    const literal = headers.indexOf(
      'GET https://acme.jamfcloud.test/api/v1/computers-inventory/filevault',
    );
    const param = headers.indexOf('GET https://acme.jamfcloud.test/api/v1/computers-inventory/:id');
    expect(literal).toBeGreaterThanOrEqual(0);
    expect(literal).toBeLessThan(param);
    expect(headers.at(-1)).toBe('ALL https://acme.jamfcloud.test/* (HEAD, OPTIONS, 404, 405)');
  });

  it('lets a test put its own handler in front with server.use, removed after the test', async () => {
    jamf.server.use(
      http.get(`${jamf.baseUrl}/api/v1/api-roles`, () =>
        HttpResponse.json({ totalCount: 99, results: [] }),
      ),
    );
    const token = await userToken(jamf);
    expect(await (await api(jamf, token, 'GET', '/v1/api-roles')).json()).toEqual({
      totalCount: 99,
      results: [],
    });
  });

  it('no longer has the override in the next test', async () => {
    const token = await userToken(jamf);
    expect(await (await api(jamf, token, 'GET', '/v1/api-roles')).json()).toEqual({
      totalCount: 0,
      results: [],
    });
  });

  it('answers its own origin only: a request elsewhere is unhandled, which fails under setupJamfMock', async () => {
    expect(jamf.baseUrl).toBe('https://acme.jamfcloud.test');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      fetch('https://elsewhere.test/api/v1/auth/token', { method: 'POST' }),
    ).rejects.toThrow();
    error.mockRestore();
  });

  it('mounts extra routes from options over the built-in ones', async () => {
    const custom = createJamfMock({
      routes: [
        {
          method: 'GET',
          path: '/v1/jamf-pro-version',
          handle: () => HttpResponse.json({ version: '99.0.0' }),
        },
      ],
    });
    const { getResponse } = await import('msw');
    const tokenResponse = await getResponse(
      custom.handlers,
      new Request(`${custom.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
      }),
    );
    const { token } = (await tokenResponse!.json()) as { token: string };
    const version = await getResponse(
      custom.handlers,
      new Request(`${custom.baseUrl}/api/v1/jamf-pro-version`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(await version!.json()).toEqual({ version: '99.0.0' });
    const anonymous = await getResponse(
      custom.handlers,
      new Request(`${custom.baseUrl}/api/v1/jamf-pro-version`),
    );
    expect(anonymous!.status).toBe(401);
  });
});
