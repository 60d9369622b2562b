import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

/** The Accept header go-api-sdk-jamfpro sends on every request (go-api-http-client-integrations, jamf/jamfprointegration/headers.go). */
const GO_SDK_ACCEPT =
  'application/x-x509-ca-cert;q=0.95,application/pkix-cert;q=0.94,application/pem-certificate-chain;q=0.93,' +
  'application/octet-stream;q=0.8,image/png;q=0.75,image/jpeg;q=0.74,image/*;q=0.7,application/xml;q=0.65,' +
  'text/xml;q=0.64,text/xml;charset=UTF-8;q=0.63,application/json;q=0.5,text/html;q=0.5,text/plain;q=0.4,*/*;q=0.05';

async function classicGet(path: string, accept: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await userToken(jamf)}` };
  if (accept !== undefined) headers.accept = accept;
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { headers });
}

describe('Classic reads follow the weights of Accept', () => {
  it('answers XML when XML weighs more than JSON (the Go SDK decodes Classic answers as XML)', async () => {
    const list = await classicGet('/computers', GO_SDK_ACCEPT);
    expect(list.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await list.text()).toMatch(/^<\?xml [^>]*\?><computers><size>\d+<\/size><computer>/);
    const one = await classicGet('/categories/id/1', GO_SDK_ACCEPT);
    expect(one.headers.get('content-type')).toMatch(/^text\/xml/);
  });

  it('answers JSON when JSON weighs more, or is listed first at equal weight', async () => {
    for (const accept of [
      'application/json',
      'application/xml;q=0.5, application/json',
      'application/json, application/xml',
      'application/json, text/plain, */*',
    ]) {
      const response = await classicGet('/categories', accept);
      expect(response.headers.get('content-type'), accept).toMatch(/^application\/json/);
      expect(Object.keys((await response.json()) as object)).toEqual(['categories']);
    }
  });

  it('answers XML without Accept, with */* and when JSON is refused (q=0)', async () => {
    for (const accept of [undefined, '*/*', 'application/json;q=0, */*', 'text/html']) {
      const response = await classicGet('/categories', accept);
      expect(response.headers.get('content-type'), String(accept)).toMatch(/^text\/xml/);
    }
  });
});
