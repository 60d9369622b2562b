import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import { createTempRoot, logSink, type TempRoot, THINGS_V1 } from './temp-root.js';

const TOKEN = 'eyJ-test-bearer-token-that-must-never-be-printed';

describe('loading the schema from a live server URL', () => {
  const schema = readFileSync(THINGS_V1, 'utf8');
  const seen: IncomingHttpHeaders[] = [];
  let server: Server;
  let base: string;
  let root: TempRoot;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/api/schema') {
        response.writeHead(404).end();
      } else if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"httpStatus":401,"errors":[]}');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end(schema);
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(async () => {
    seen.length = 0;
    root = await createTempRoot();
  });
  afterEach(() => root.remove());

  it('sends the token as a bearer and distils what the server serves', async () => {
    const sink = logSink();
    const code = await main(
      [
        '--target',
        'pro',
        '--from',
        `${base}/api/schema`,
        '--token',
        TOKEN,
        '--jamf-version',
        '9.9.9',
      ],
      {
        root: root.path,
        log: sink.log,
      },
    );
    expect(code).toBe(0);
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    const spec = JSON.parse(await readFile(join(root.path, 'specs/jamf-pro.openapi.json'), 'utf8'));
    expect(spec['x-jamf-source'].jamfProVersion).toBe('9.9.9');
    expect(Object.keys(spec.paths)).toEqual(['/v1/things', '/v1/things/{id}', '/v1/widgets']);
    expect(sink.text()).not.toContain(TOKEN);
    expect(JSON.stringify(spec)).not.toContain(TOKEN);
  });

  it('takes the token from JAMF_TOKEN', async () => {
    const code = await main(['--target', 'pro', '--from', `${base}/api/schema`], {
      root: root.path,
      log: logSink().log,
      env: { JAMF_TOKEN: TOKEN },
    });
    expect(code).toBe(0);
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reports an HTTP error without printing the token or the URL query', async () => {
    const sink = logSink();
    const code = await main(
      [
        '--target',
        'pro',
        '--from',
        `${base}/api/schema?session=${TOKEN}`,
        '--token',
        `${TOKEN}-wrong`,
      ],
      {
        root: root.path,
        log: sink.log,
      },
    );
    expect(code).toBe(2);
    expect(sink.text()).toContain('answered HTTP 401');
    expect(sink.text()).not.toContain(TOKEN);
  });

  it('diffs two URLs with the token sent to both and never printed', async () => {
    const sink = logSink();
    const url = `${base}/api/schema`;
    const code = await main(['diff', url, THINGS_V1, '--token', TOKEN, '--json'], {
      log: sink.log,
    });
    expect(code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(sink.text()).from.source).toBe(url);
    expect(sink.text()).not.toContain(TOKEN);
  });

  it('reports an unreachable server without printing the token', async () => {
    const sink = logSink();
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const code = await main(
      ['--target', 'pro', '--from', `http://127.0.0.1:${port}/api/schema`, '--token', TOKEN],
      {
        root: root.path,
        log: sink.log,
      },
    );
    expect(code).toBe(2);
    expect(sink.text()).toContain('Could not reach');
    expect(sink.text()).not.toContain(TOKEN);
  });
});
