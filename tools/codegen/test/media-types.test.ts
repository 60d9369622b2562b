import { describe, expect, it } from 'vitest';
import { answerParseAs, requestMediaTypes } from '../src/media-types.js';

const body = (...types: string[]) => ({
  requestBody: { content: Object.fromEntries(types.map((type) => [type, { schema: {} }])) },
});

describe('requestMediaTypes', () => {
  it('lists the operations a client would send wrongly as JSON, with their declared type', () => {
    const spec = {
      paths: {
        '/v1/things/{id}': {
          get: {},
          put: body('application/json'),
          patch: body('application/merge-patch+json'),
        },
        '/v1/things/validate-csv': { post: body('text/csv') },
        '/v1/things/preload': { post: body('application/json', 'text/csv') },
        '/v1/things/{id}/upload': { post: body('multipart/form-data') },
        '/v1/oauth/token': { post: body('application/x-www-form-urlencoded') },
      },
    };
    expect(requestMediaTypes(spec)).toEqual({
      '/v1/oauth/token': { post: 'application/x-www-form-urlencoded' },
      '/v1/things/validate-csv': { post: 'text/csv' },
      '/v1/things/{id}': { patch: 'application/merge-patch+json' },
    });
  });

  it('reads answers that are not JSON as text or a Blob, leaving JSON and unknown types alone', () => {
    const answer = (content: Record<string, unknown>) => ({
      responses: {
        '200': {
          content: Object.fromEntries(
            Object.entries(content).map(([k, schema]) => [k, { schema }]),
          ),
        },
        '404': { content: { 'application/json': { schema: {} } } },
      },
    });
    const spec = {
      paths: {
        '/v1/things': { get: answer({ 'application/json': {} }) },
        '/v1/things/{id}/download': {
          get: answer({ 'text/plain': { type: 'string', format: 'binary' } }),
        },
        '/v1/things/template': { get: answer({ 'text/csv': { type: 'string' } }) },
        '/v1/things/{id}/pem': { get: answer({ 'application/pem-certificate-chain': {} }) },
        '/v1/things/{id}/icon': { get: answer({ 'image/*': {} }) },
        '/v1/things/export': { post: answer({ 'text/csv,application/json': {} }) },
        '/v1/things/any': { post: answer({ '*/*': {} }) },
      },
    };
    expect(answerParseAs(spec)).toEqual({
      '/v1/things/template': { get: 'text' },
      '/v1/things/{id}/download': { get: 'blob' },
      '/v1/things/{id}/icon': { get: 'blob' },
      '/v1/things/{id}/pem': { get: 'text' },
    });
  });
});
