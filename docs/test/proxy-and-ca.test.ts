import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clientCredentials } from '@jamf/auth';
import { createProClient } from '@jamf/pro-api';
import { uploadPackage } from '@jamf/pro-api/upload';
import { getGlobalDispatcher, ProxyAgent, setGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectProxy,
  type PrivateCa,
  privateCa,
  startConnectProxy,
  startTlsJamf,
  type TlsJamf,
} from './network-fixtures.js';

const run = promisify(execFile);

let ca: PrivateCa;
let jamf: TlsJamf;
let proxy: ConnectProxy;
let dir: string;
let caFile: string;
beforeAll(async () => {
  ca = await privateCa();
  jamf = await startTlsJamf(ca);
  proxy = await startConnectProxy();
  dir = await mkdtemp(join(tmpdir(), 'jamf-docs-'));
  caFile = join(dir, 'corp-ca.pem');
  await writeFile(caFile, ca.caCert);
});
afterAll(async () => {
  await jamf.close();
  await proxy.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the guide's snippet as a program, as a user would, with the given environment. */
async function runSnippet(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(https?|no)_proxy$/i.test(name)),
  );
  return run(process.execPath, ['--import', 'tsx', 'snippets/proxy-and-ca.ts'], {
    env: {
      ...clean,
      JAMF_URL: jamf.url,
      JAMF_CLIENT_ID: 'docs-client',
      JAMF_CLIENT_SECRET: 'docs-secret',
      ...env,
    },
  }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

describe('docs/proxy-and-ca.md recipe', () => {
  it('API calls and token requests go through HTTPS_PROXY and trust the private CA', async () => {
    const before = jamf.seen.length;
    const result = await runSnippet({ HTTPS_PROXY: proxy.url, JAMF_CA_FILE: caFile });
    // stderr holds only undici's notice that EnvHttpProxyAgent is experimental.
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toBe('Jamf Pro 11.30.1\n1 categories\n');
    const requests = jamf.seen.slice(before);
    expect(requests.map((r) => r.path)).toEqual([
      '/api/oauth/token',
      '/api/v1/jamf-pro-version',
      '/JSSResource/categories',
    ]);
    // Every request, the token request included, arrived from one of the proxy's sockets.
    expect(requests.every((r) => proxy.upstreamPorts.has(r.remotePort))).toBe(true);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(jamf.url).host]));
  });

  it('without a proxy in the environment it connects directly, still trusting the CA', async () => {
    const tunnelsBefore = proxy.tunnels.length;
    const before = jamf.seen.length;
    const result = await runSnippet({ JAMF_CA_FILE: caFile });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toBe('Jamf Pro 11.30.1\n1 categories\n');
    expect(proxy.tunnels.length).toBe(tunnelsBefore);
    expect(jamf.seen.slice(before).some((r) => proxy.upstreamPorts.has(r.remotePort))).toBe(false);
  });

  it('without the CA the server is refused: the token request fails with a typed error', async () => {
    const result = await runSnippet({ HTTPS_PROXY: proxy.url });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('TOKEN_ENDPOINT_UNREACHABLE');
  });

  it('a proxy set with setGlobalDispatcher carries the calls of clients given no fetch', async () => {
    const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.caCert } });
    const original = getGlobalDispatcher();
    setGlobalDispatcher(dispatcher);
    try {
      await using tokens = clientCredentials({
        baseUrl: jamf.url,
        clientId: 'docs-client',
        clientSecret: 'docs-secret',
      });
      const pro = createProClient({ baseUrl: jamf.url, auth: tokens });
      const before = jamf.seen.length;
      const { response } = await pro.GET('/v1/jamf-pro-version');
      expect(response.status).toBe(200);
      const requests = jamf.seen.slice(before);
      expect(requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/v1/jamf-pro-version']);
      expect(requests.every((r) => proxy.upstreamPorts.has(r.remotePort))).toBe(true);
    } finally {
      setGlobalDispatcher(original);
      await dispatcher.close();
    }
  });

  it('uploadPackage takes the same dispatcher: the upload goes through the proxy too', async () => {
    const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.caCert } });
    const viaProxy: typeof fetch = (input, init) =>
      fetch(input, { ...init, dispatcher } as RequestInit);
    await using tokens = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'docs-client',
      clientSecret: 'docs-secret',
      fetch: viaProxy,
    });
    const file = join(dir, 'Tool.pkg');
    await writeFile(file, Buffer.alloc(64 * 1024, 7));
    const before = jamf.seen.length;
    const result = await uploadPackage(
      { baseUrl: jamf.url, tokens, dispatcher },
      { packageId: '1', file },
    );
    expect(result.bytes).toBe(64 * 1024);
    const requests = jamf.seen.slice(before);
    expect(requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/v1/packages/1/upload']);
    expect(requests.every((r) => proxy.upstreamPorts.has(r.remotePort))).toBe(true);
    await dispatcher.close();
  });
});
