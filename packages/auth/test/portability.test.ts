import { readdirSync, readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { authMiddleware } from '../src/index.js';
import { staticToken } from '../src/static-token.js';

const root = new URL('../', import.meta.url);
const coreFiles = ['src/', 'src/providers/'].flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}${name}`),
);

describe('portability of the core entry', () => {
  it('core sources import no Node built-in and nothing from openapi-fetch', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
    for (const file of coreFiles) {
      const source = readFileSync(new URL(file, root), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|openapi-fetch)/);
      expect(source, file).not.toMatch(/\brequire\(/);
    }
  });

  it('openapi-fetch is a devDependency only', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    expect(manifest.devDependencies?.['openapi-fetch']).toBe('0.17.0');
    expect(manifest.dependencies?.['openapi-fetch']).toBeUndefined();
    expect(manifest.peerDependencies?.['openapi-fetch']).toBeUndefined();
  });

  it('authMiddleware is assignable to openapi-fetch 0.17 Middleware (checked by tsc)', () => {
    const middleware: Middleware = authMiddleware(
      staticToken('t', { baseUrl: 'https://jamf.example.com' }),
    );
    expect(typeof middleware.onRequest).toBe('function');
  });
});
