import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

async function classic(method: string, path: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await userToken(jamf)}` };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
}

describe("Classic's HTML status page", () => {
  it('is the page a live server sends, byte for byte (jamf2snipe#148: a 409 Duplicate serial number)', async () => {
    const taken = jamf.state.computers.get(1)?.serialNumber;
    const refused = await classic(
      'POST',
      '/computers/id/0',
      `<computer><general><name>Twin</name><serial_number>${taken}</serial_number></general></computer>`,
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toBe(
      '<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style="font-family: sans-serif;">\n' +
        '<p style="font-size: 1.2em;font-weight: bold;margin: 1em 0px;">Conflict</p>\n' +
        '<p>Error: Duplicate serial number</p>\n' +
        '<p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10">here</a>.<br>\n' +
        'Please continue your visit at our <a href="/">home page</a>.\n</p>\n</body>\n</html>\n',
    );
  });

  it("gives ruby-jss's 400 parser its message and each status its RFC 2616 section", async () => {
    const bad = await classic('POST', '/categories/id/0', '<category><name>x</name>');
    expect(bad.status).toBe(400);
    const page = await bad.text();
    // lib/jamf/api/connection/classic_api.rb, handle_classic_http_error
    expect(
      />Bad Request<\/p>\n<p>(.*?)<\/p>\n<p>You can get technical detail/s.exec(page)?.[1],
    ).toMatch(/^Error: Unable to parse XML/);
    expect(page).toContain('rfc2616-sec10.html#sec10.4.1"');
    const missing = await (await classic('GET', '/categories/id/999')).text();
    expect(missing).toContain('rfc2616-sec10.html#sec10.4.5"');
  });
});
