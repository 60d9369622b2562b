import { describe, expect, it } from 'vitest';
import { codeForStatus } from '../src/index.js';

describe('codeForStatus', () => {
  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [429, 'RATE_LIMITED'],
    [500, 'SERVER_ERROR'],
    [502, 'SERVER_ERROR'],
    [599, 'SERVER_ERROR'],
    [405, 'HTTP_ERROR'],
    [418, 'HTTP_ERROR'],
    [302, 'HTTP_ERROR'],
    [200, 'HTTP_ERROR'],
    [600, 'HTTP_ERROR'],
  ] as const)('%i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
