import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import {
  stickySession,
  withConcurrency,
  withRetry,
  withStickySession,
} from '../src/resilience/index.js';
import { type LocalServer, startLocalServer } from './support/resilience-local-server.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A balancer stand-in: the first response pins the client, later ones just answer. */
async function balancer(node: string, extra: string[] = []) {
  let first = true;
  const s = await startLocalServer((_seen, res) => {
    if (first) {
      first = false;
      res.setHeader('set-cookie', [
        `APBALANCEID=aws.${node}; Path=/; Secure; HttpOnly`,
        `jpro-ingress=${node}-ingress; Path=/`,
        'JSESSIONID=do-not-keep; Path=/',
        ...extra,
      ]);
    }
    res.end('ok');
  });
  servers.push(s);
  return s;
}

describe('stickySession()', () => {
  it('sends back only the load-balancer cookies, per origin', async () => {
    const a = await balancer('node-1');
    const b = await balancer('node-7');
    const fetch = withStickySession(globalThis.fetch);
    await fetch(`${a.url}/api/v1/auth`);
    await fetch(`${a.url}/api/v1/buildings`);
    await fetch(`${b.url}/api/v1/buildings`);
    await fetch(`${a.url}/api/v1/departments`, { headers: { cookie: 'mine=1' } });
    expect(a.seen.map((r) => r.headers.cookie)).toEqual([
      undefined,
      'APBALANCEID=aws.node-1; jpro-ingress=node-1-ingress',
      'mine=1; APBALANCEID=aws.node-1; jpro-ingress=node-1-ingress',
    ]);
    expect(b.seen.map((r) => r.headers.cookie)).toEqual([undefined]);
  });

  it('forgets a cookie the server expires', async () => {
    let step = 0;
    const s = await startLocalServer((_seen, res) => {
      step++;
      if (step === 1) res.setHeader('set-cookie', ['APBALANCEID=n1', 'jpro-ingress=i1']);
      if (step === 2) res.setHeader('set-cookie', ['APBALANCEID=n1; Max-Age=0']);
      if (step === 3) {
        res.setHeader('set-cookie', ['jpro-ingress=i1; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
      }
      res.end('ok');
    });
    servers.push(s);
    const fetch = withStickySession(globalThis.fetch);
    for (let i = 0; i < 4; i++) await fetch(s.url);
    expect(s.seen.map((r) => r.headers.cookie)).toEqual([
      undefined,
      'APBALANCEID=n1; jpro-ingress=i1',
      'jpro-ingress=i1',
      undefined,
    ]);
  });

  it('ignores a cookie larger than 4096 bytes and a Max-Age that is not a number (RFC 6265)', async () => {
    let step = 0;
    const s = await startLocalServer((_seen, res) => {
      step++;
      if (step === 1) res.setHeader('set-cookie', ['APBALANCEID=n1']);
      if (step === 2) res.setHeader('set-cookie', [`APBALANCEID=${'x'.repeat(5000)}`]);
      if (step === 3)
        res.setHeader('set-cookie', ['APBALANCEID=n1; Max-Age=', 'jpro-ingress=i1; Max-Age=0x0']);
      res.end('ok');
    });
    servers.push(s);
    const fetch = withStickySession(globalThis.fetch);
    for (let i = 0; i < 4; i++) await fetch(s.url);
    expect(s.seen.map((r) => r.headers.cookie)).toEqual([
      undefined,
      'APBALANCEID=n1',
      'APBALANCEID=n1',
      'APBALANCEID=n1; jpro-ingress=i1',
    ]);
  });

  it('works as openapi-fetch middleware', async () => {
    const a = await balancer('node-2');
    const client = createClient<Record<string, never>>({ baseUrl: a.url });
    client.use(stickySession());
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    const get = (path: string) => (client as any).GET(path, { parseAs: 'text' });
    await get('/one');
    await get('/two');
    expect(a.seen[1]?.headers.cookie).toBe('APBALANCEID=aws.node-2; jpro-ingress=node-2-ingress');
  });

  it('composed under retry, a retried request goes back to the node that answered first', async () => {
    let calls = 0;
    const s = await startLocalServer((_seen, res) => {
      calls++;
      if (calls === 1) {
        res.setHeader('set-cookie', 'APBALANCEID=node-3');
        res.statusCode = 503;
      }
      res.end();
    });
    servers.push(s);
    const fetch = withRetry(withConcurrency(withStickySession(globalThis.fetch), { max: 5 }), {
      sleep: async () => {},
    });
    expect((await fetch(s.url)).status).toBe(200);
    expect(s.seen.map((r) => r.headers.cookie)).toEqual([undefined, 'APBALANCEID=node-3']);
  });
});
