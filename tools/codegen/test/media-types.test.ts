import { describe, expect, it } from 'vitest';
import { requestMediaTypes } from '../src/request-media-types.js';

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
});
