import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

async function send(method: string, path: string, contentType: string, body: unknown) {
  return fetch(`${jamf.baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await userToken(jamf)}`,
      accept: 'application/json',
      'content-type': contentType,
    },
    body: JSON.stringify(body),
  });
}

describe('JSON bodies in either JSON media type', () => {
  it('takes application/merge-patch+json where the spec declares application/json (ruby-jss, go-api-sdk-jamfpro)', async () => {
    const patched = await send(
      'PATCH',
      '/v1/computers-inventory-detail/1',
      'application/merge-patch+json',
      { general: { assetTag: 'MERGE-1' } },
    );
    expect(patched.status).toBe(200);
    const read = await fetch(`${jamf.baseUrl}/api/v1/computers-inventory-detail/1`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}` },
    });
    expect(((await read.json()) as { general: { assetTag: string } }).general.assetTag).toBe(
      'MERGE-1',
    );
  });

  it('takes application/json where the spec declares application/merge-patch+json (jps-api-wrapper)', async () => {
    const patched = await send('PATCH', '/v1/gsx-connection', 'application/json', {
      enabled: false,
    });
    expect(patched.status).toBe(200);
  });

  it('still validates the body and refuses a media type that is not JSON', async () => {
    const invalid = await send('PATCH', '/v1/gsx-connection', 'application/json', {
      enabled: 'no',
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'INVALID_FIELD',
    );
    const xml = await send('PATCH', '/v1/computers-inventory-detail/1', 'application/xml', {});
    expect(xml.status).toBe(400);
    expect(((await xml.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'INVALID_CONTENT_TYPE',
    );
  });
});
