import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import type { Route } from '../src/http/route.js';
import { RouteTrie } from '../src/http/route-trie.js';
import { buildRouteTable, type MountedRoute, matchPath } from '../src/http/router.js';

// The standalone server finds routes through a trie; msw offers the request to the sorted route
// table's handlers in order. Both must pick the same route for every request.

const answer: Route['handle'] = () => new Response(null, { status: 204 });

/** Templates chosen so literal and `{param}` segments collide at every depth. */
const colliding: Route[] = [
  { method: 'GET', path: '/v1/things/{id}', handle: answer },
  { method: 'GET', path: '/v1/things/export', handle: answer },
  { method: 'POST', path: '/v1/things/{id}/history', handle: answer },
  { method: 'GET', path: '/v1/things/{name}/history', handle: answer },
  { method: 'GET', path: '/v1/things/{zzz}/history', handle: answer },
  { method: 'GET', path: '/v1/{kind}/export/{id}', handle: answer },
  { method: 'DELETE', path: '/v1/things/export/{id}', handle: answer },
];

function linearFind(
  table: readonly MountedRoute[],
  method: string,
  path: string,
): MountedRoute | undefined {
  return table.find((route) => route.method === method && matchPath(route, path) !== undefined);
}

/** Concrete paths for a template: each `{param}` filled with values that also look literal. */
function concretePaths(route: MountedRoute, fills: readonly string[]): string[] {
  let paths = [''];
  for (const segment of route.segments) {
    const options = segment.startsWith('{') ? fills : [segment];
    paths = paths.flatMap((prefix) => options.map((option) => `${prefix}/${option}`));
    if (paths.length > 12) paths = paths.slice(0, 12);
  }
  return paths.flatMap((path) => [path, `${path}/`]);
}

describe('route trie', () => {
  const table = buildRouteTable(proSpec, colliding);
  const trie = new RouteTrie(table);
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  const fills = ['1', 'export', 'history', 'things', 'v1', 'a%20b', '%ZZ'];

  it('picks the route the sorted table would, for every template of the spec', () => {
    let checked = 0;
    const differing: string[] = [];
    for (const route of table) {
      for (const path of concretePaths(route, fills)) {
        for (const method of [route.method, methods[checked % methods.length]!]) {
          const found = trie.find(method, path);
          const expected = linearFind(table, method, path);
          if (found !== expected) {
            differing.push(`${method} ${path}: ${found?.template} ≠ ${expected?.template}`);
          }
          checked++;
        }
      }
    }
    expect(differing).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  }, 60_000);

  it('prefers a literal segment and falls back to the parameter one method by method', () => {
    expect(trie.find('GET', '/api/v1/things/export')?.template).toBe('/api/v1/things/export');
    expect(trie.find('GET', '/api/v1/things/7')?.template).toBe('/api/v1/things/{id}');
    expect(trie.find('POST', '/api/v1/things/export/history')?.template).toBe(
      '/api/v1/things/{id}/history',
    );
    expect(trie.find('GET', '/api/v1/things/4/history')?.template).toBe(
      '/api/v1/things/{name}/history',
    );
    expect(trie.find('DELETE', '/api/v1/things/export/3')?.template).toBe(
      '/api/v1/things/export/{id}',
    );
    expect(trie.find('GET', '/api/v1/things/export/3')?.template).toBe(
      '/api/v1/{kind}/export/{id}',
    );
    expect(trie.find('GET', '/api/v1/things/%ZZ')).toBeUndefined();
    expect(trie.find('GET', '/api/v1/nothing/here/at/all')).toBeUndefined();
  });
});
