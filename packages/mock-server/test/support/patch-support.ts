import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { JamfMock } from '../../src/index.js';
import { api } from './auth-support.js';

type Mock = Pick<JamfMock, 'baseUrl'>;

const xml = new XMLParser({ parseTagValue: false });

/** Calls Classic `/JSSResource` + `path`; a string body is sent as XML. */
export function classic(
  mock: Mock,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${mock.baseUrl}/JSSResource${path}`, { ...init, headers });
}

/** A Classic read as JSON (200 expected): the element under `root`. */
export async function classicJson<T = Record<string, unknown>>(
  mock: Mock,
  token: string,
  path: string,
  root: string,
): Promise<T> {
  const response = await classic(mock, token, path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as Record<string, T>)[root] as T;
}

/** A Classic create or update answering 201; the id of the object it wrote. */
export async function classicWrite(
  mock: Mock,
  token: string,
  path: string,
  body: string,
  method = 'POST',
): Promise<number> {
  const response = await classic(mock, token, path, { method, body });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const parsed = xml.parse(text) as Record<string, { id?: string }>;
  return Number(Object.values(parsed).find((element) => element.id !== undefined)?.id);
}

/** A Pro read answering 200, as JSON. */
export async function proJson<T = Record<string, unknown>>(
  mock: Mock,
  token: string,
  path: string,
): Promise<T> {
  const response = await api(mock, token, 'GET', path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A Pro JSON merge patch (`application/merge-patch+json`). */
export function proMergePatch(
  mock: Mock,
  token: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${mock.baseUrl}/api${path}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/merge-patch+json',
    },
    body: JSON.stringify(body),
  });
}
