import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createJamfMock } from '../src/mock.js';

// A registration's password and header values are secrets: no public member of
// `mock.webhooks` hands them out (listing, inspect, JSON), yet deliveries still send them.
const PASSWORD = 'hook-p4ssword';
const HEADER_VALUE = 'hook-header-secret';
const HOOK = 'https://hooks.example.test/jamf';

/** Everything `mock.webhooks` shows without being told a secret: its getters and `list()`. */
function publicViews(webhooks: object): unknown[] {
  const views: unknown[] = [webhooks];
  const prototype = Object.getPrototypeOf(webhooks) as object;
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
    if (descriptor.get === undefined) continue;
    const value = (webhooks as Record<string, unknown>)[name];
    views.push(value);
    // A table reached from a getter is listed too (`mock.webhooks.store.list()` leaked this way).
    const list = (value as { list?: unknown } | undefined)?.list;
    if (typeof list === 'function') views.push(list.call(value));
  }
  views.push((webhooks as { list(): unknown }).list());
  return views;
}

describe('webhook registration secrets', () => {
  it('are in no public view of mock.webhooks, nor in its inspect or JSON', () => {
    const mock = createJamfMock();
    mock.webhooks.register({
      name: 'basic',
      url: HOOK,
      event: 'PushSent',
      authenticationType: 'BASIC',
      username: 'hook-user',
      password: PASSWORD,
    });
    mock.webhooks.register({
      name: 'header',
      url: HOOK,
      event: 'PushSent',
      authenticationType: 'HEADER',
      header: JSON.stringify({ 'x-hook-secret': HEADER_VALUE }),
    });
    for (const view of publicViews(mock.webhooks)) {
      const shown = `${inspect(view, { depth: 10, showHidden: true })}\n${JSON.stringify(view) ?? ''}`;
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(HEADER_VALUE);
    }
    expect(mock.webhooks.list()).toMatchObject([
      { name: 'basic', username: 'hook-user', hasPassword: true, hasHeader: false },
      { name: 'header', hasPassword: false, hasHeader: true },
    ]);
  });

  it('still go out with a delivery (Basic credentials of the registration)', async () => {
    const mock = createJamfMock();
    mock.webhooks.register({
      name: 'basic',
      url: HOOK,
      event: 'JSSShutdown',
      authenticationType: 'BASIC',
      username: 'hook-user',
      password: PASSWORD,
    });
    const authorizations: (string | null)[] = [];
    mock.webhooks.attach(HOOK, (request) => {
      authorizations.push(request.headers.get('authorization'));
      return new Response(null, { status: 200 });
    });
    await mock.webhooks.shutdown();
    expect(authorizations).toEqual([`Basic ${btoa(`hook-user:${PASSWORD}`)}`]);
  });
});
