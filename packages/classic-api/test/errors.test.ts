import { describe, expect, it } from 'vitest';
import { ClassicApiError, createClassicClient } from '../src/index.js';

/** Jamf's Classic error page, as its servers send it. */
const jamfPage = (title: string, message: string) =>
  `<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style="font-family: sans-serif;">\n<p style="font-size: 1.2em;font-weight: bold;">${title}</p>\n<p>${message}</p>\n<p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html">here</a>.<br>\nPlease continue your visit at our <a href="/">home page</a>.\n</p>\n</body>\n</html>\n`;

const answering =
  (status: number, body: string, contentType = 'text/html;charset=UTF-8'): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': contentType } });

const failureOf = async (fetchImpl: typeof fetch) => {
  const classic = createClassicClient({ baseUrl: 'https://jamf.example.test', fetch: fetchImpl });
  const error = await classic.categories.create({ name: 'x' }).catch((e: unknown) => e);
  if (!(error instanceof ClassicApiError))
    throw new Error(`expected a ClassicApiError, got ${String(error)}`);
  return error;
};

describe('Classic HTML error pages become ClassicApiError', () => {
  it.each([
    [
      400,
      'Bad Request',
      'Error: Unable to update the database',
      'BAD_REQUEST',
      'Unable to update the database',
    ],
    [
      401,
      'Unauthorized',
      'The request requires user authentication',
      'UNAUTHORIZED',
      'The request requires user authentication',
    ],
    [
      403,
      'Forbidden',
      'The server understood the request, but is refusing to fulfill it',
      'FORBIDDEN',
      'The server understood the request, but is refusing to fulfill it',
    ],
    [
      404,
      'Not Found',
      'The server has not found anything matching the request URI',
      'NOT_FOUND',
      'The server has not found anything matching the request URI',
    ],
    [409, 'Conflict', 'Error: Duplicate name', 'CONFLICT', 'Duplicate name'],
    [500, 'Internal Server Error', 'Error: Unexpected error', 'SERVER_ERROR', 'Unexpected error'],
    [502, 'Bad Gateway', 'Error: upstream', 'SERVER_ERROR', 'upstream'],
    [418, 'Teapot', 'Error: short and stout', 'HTTP_ERROR', 'short and stout'],
    [429, 'Too Many Requests', 'Error: slow down', 'RATE_LIMITED', 'slow down'],
  ])('HTTP %i → %s', async (status, title, text, code, message) => {
    const error = await failureOf(answering(status, jamfPage(title, text)));
    expect(error).toMatchObject({
      name: 'ClassicApiError',
      code,
      status,
      message,
      method: 'POST',
      path: '/categories/id/{id}',
    });
  });

  it('decodes entities in the message', async () => {
    const error = await failureOf(
      answering(
        409,
        jamfPage('Conflict', 'Error: Problem with field &quot;name&quot; &amp; &lt;site&gt;'),
      ),
    );
    expect(error.message).toBe('Problem with field "name" & <site>');
  });

  it('types a body that is no error page and keeps it for diagnosis', async () => {
    const error = await failureOf(answering(503, 'upstream connect error', 'text/plain'));
    expect(error).toMatchObject({
      code: 'SERVER_ERROR',
      status: 503,
      body: 'upstream connect error',
    });
    expect(error.message).toBe('HTTP 503 from POST /categories/id/{id}');
  });

  it('types a success body that cannot be parsed as INVALID_RESPONSE', async () => {
    const classic = createClassicClient({
      baseUrl: 'https://jamf.example.test',
      fetch: answering(200, '{"category": {', 'application/json'),
    });
    await expect(classic.categories.get({ id: 1 })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
    });
    const broken = await failureOf(answering(201, '<category><id>1</id>', 'text/xml'));
    expect(broken.code).toBe('INVALID_RESPONSE');
  });

  it('types a 201 without an id as INVALID_RESPONSE', async () => {
    const error = await failureOf(
      answering(201, '<category><name>x</name></category>', 'text/xml'),
    );
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('types a failed connection as NETWORK_ERROR with the cause', async () => {
    const refused = new TypeError('fetch failed');
    const error = await failureOf(async () => {
      throw refused;
    });
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', cause: refused });
  });

  it('never carries the Authorization header into the error', async () => {
    const classic = createClassicClient({
      baseUrl: 'https://jamf.example.test',
      fetch: answering(401, jamfPage('Unauthorized', 'The request requires user authentication')),
      headers: { authorization: 'Bearer super-secret-token' },
    });
    const error = await classic.buildings.list().catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('super-secret-token');
    expect(String(error)).not.toContain('super-secret-token');
    expect(JSON.stringify(Object.entries(error as object))).not.toContain('super-secret-token');
  });
});

describe('error page text', () => {
  it('decodes numeric references and leaves impossible ones alone', async () => {
    const error = await failureOf(
      answering(400, jamfPage('Bad Request', 'Error: caf&#233; &#x2713; &#99999999;')),
    );
    expect(error.message).toBe('café ✓ &#99999999;');
  });
});
