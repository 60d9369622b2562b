import { describe, expect, it } from 'vitest';
import {
  canSetUserAgent,
  defaultUserAgent,
  resolveUserAgent,
  runtimeProduct,
  withUserAgent,
} from '../src/index.js';

const pkg = { name: '@jamf/pro-api', version: '1.2.3' };

describe('User-Agent', () => {
  it('names the SDK, the package and the runtime', () => {
    expect(defaultUserAgent(pkg)).toBe(
      `jamf-sdk-ts/1.2.3 (@jamf/pro-api) node/${process.versions.node}`,
    );
    expect(
      runtimeProduct({ Bun: { version: '1.1.30' }, process: { versions: { node: '22.6.0' } } }),
    ).toBe('bun/1.1.30');
    expect(runtimeProduct({ Deno: { version: { deno: '2.0.0' } } })).toBe('deno/2.0.0');
  });

  it('is not set in a browser, where a page cannot set it', () => {
    const browser = { document: {}, navigator: { userAgent: 'Mozilla/5.0' } };
    expect(canSetUserAgent(browser)).toBe(false);
    expect(resolveUserAgent(undefined, pkg, browser)).toBeUndefined();
    expect(resolveUserAgent('mine/1.0', pkg, browser)).toBeUndefined();
  });

  it('can be replaced or turned off', () => {
    expect(resolveUserAgent('inventory-sync/2.0', pkg)).toBe('inventory-sync/2.0');
    expect(resolveUserAgent(false, pkg)).toBeUndefined();
  });

  it('withUserAgent sets the header unless the request names one', async () => {
    const seen: string[] = [];
    const send = withUserAgent(async (input, init) => {
      seen.push(new Request(input, init).headers.get('user-agent') ?? '');
      return new Response();
    }, 'jamf-sdk-ts/1.2.3');
    await send('https://jamf.test/');
    await send('https://jamf.test/', { headers: { 'User-Agent': 'custom/1' } });
    expect(seen).toEqual(['jamf-sdk-ts/1.2.3', 'custom/1']);
  });
});
