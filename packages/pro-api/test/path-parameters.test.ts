import { describe, expect, it } from 'vitest';
import { createProClient as createBuildingsClient } from '../src/generated/entries/buildings.js';
import { createProClient, JamfApiError } from '../src/index.js';

describe('path parameters that name no object', () => {
  const sent: string[] = [];
  const fetch = async (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response(null, { status: 204 });
  };
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com', fetch });

  it('are refused before sending: empty, . and .. would resolve to another resource', async () => {
    for (const id of ['', '.', '..']) {
      const call = jamf.DELETE('/v1/buildings/{id}', { params: { path: { id } } });
      await expect(call).rejects.toBeInstanceOf(JamfApiError);
      await expect(call).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        status: 0,
        message: `DELETE /v1/buildings/{id}: path parameter id is ${JSON.stringify(id)}, which names no object`,
      });
    }
    expect(sent).toEqual([]);
  });

  it('are refused when left out, through every method and the generic request', async () => {
    const calls = [
      jamf.GET('/v1/buildings/{id}', {} as never),
      jamf.PUT('/v1/buildings/{id}', { body: { name: 'x' } } as never),
      jamf.request('delete', '/v1/buildings/{id}', { params: { path: { id: null } } } as never),
      createBuildingsClient({ baseUrl: 'https://tenant.jamfcloud.com', fetch }).GET(
        '/v1/buildings/{id}/history',
        { params: { path: {} } } as never,
      ),
    ];
    for (const call of calls) {
      await expect(call).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        message: expect.stringContaining('path parameter id is missing'),
      });
    }
    expect(sent).toEqual([]);
  });

  it('pass when they name an object, even one with a slash or dots inside', async () => {
    await jamf.DELETE('/v1/buildings/{id}', { params: { path: { id: '7' } } });
    await jamf.GET('/v1/buildings/{id}', { params: { path: { id: 'a/..b' } } });
    expect(sent).toEqual(['DELETE /api/v1/buildings/7', 'GET /api/v1/buildings/a%2F..b']);
  });
});
