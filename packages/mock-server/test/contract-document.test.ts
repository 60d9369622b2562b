import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { specPath } from './support/contract.js';

describe('the spec the mock serves', () => {
  it('is a valid OpenAPI 3.0 document, so the contract checks stand on solid ground', {
    timeout: 60_000,
  }, async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(readFileSync(specPath, 'utf8')));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
  });
});
