import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { basicAuth, createWebhookHandler, headerAuth } from '../src/index.js';

const password = 'correct-horse-battery-staple';

describe('secrets never show', () => {
  it('in JSON, inspect and string forms of credentials and handlers', () => {
    const basic = basicAuth({ username: 'jamf', password });
    const header = headerAuth({ name: 'X-Token', value: password });
    const handler = createWebhookHandler({ auth: basic, on: { JSSStartup: () => {} } });
    const options = { auth: header, on: {} };
    const forms = [
      JSON.stringify(basic),
      JSON.stringify(header),
      JSON.stringify(options),
      JSON.stringify(handler),
      inspect(basic, { showHidden: true, depth: 5 }),
      inspect(header, { showHidden: true, depth: 5 }),
      inspect(options, { depth: 5 }),
      inspect(handler, { depth: 5 }),
      String(basic),
      `${header}`,
    ];
    for (const form of forms) {
      expect(form).not.toContain(password);
      expect(form).not.toContain(btoa(`jamf:${password}`));
    }
    expect(JSON.stringify(basic)).toBe(
      '{"type":"basic","username":"jamf","password":"[redacted]"}',
    );
    expect(inspect(handler)).toContain('[redacted]');
  });

  it('in the 401 answer', async () => {
    const handle = createWebhookHandler({
      auth: basicAuth({ username: 'jamf', password }),
      on: {},
    });
    const response = await handle(new Request('http://r.test/', { method: 'POST', body: '{}' }));
    expect(response.status).toBe(401);
    const text = `${await response.text()} ${JSON.stringify([...response.headers])}`;
    expect(text).not.toContain(password);
  });
});
