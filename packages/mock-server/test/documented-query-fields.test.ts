import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { listSpecOperations } from '../src/spec/openapi-document.js';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

// Jamf documents, per list, the fields `filter` and `sort` allow ("Fields allowed in the query:
// …"); codegen keeps those names as `x-jamf-fields`. Every one of them must be accepted: the mock
// refused `general.remoteManagement.managed` on /v1/computers-inventory ("Cannot filter by
// field"), a field Jamf documents there, because it read fields one level deep from the schema.
const jamf = setupJamfMock({ counts: { computers: 3, mobileDevices: 2 } });

interface Documented {
  path: string;
  parameter: 'filter' | 'sort';
  fields: string[];
}

const documented: Documented[] = listSpecOperations(proSpec).flatMap((operation) => {
  if (operation.method !== 'get' || operation.path.includes('{')) return [];
  const parameters = (operation.object.parameters ?? []) as Array<Record<string, unknown>>;
  return parameters.flatMap((parameter) => {
    const fields = parameter['x-jamf-fields'];
    const name = parameter.name;
    return (name === 'filter' || name === 'sort') && Array.isArray(fields)
      ? [{ path: operation.path, parameter: name, fields: fields as string[] }]
      : [];
  });
});

describe('fields Jamf documents for filter and sort', () => {
  it('are in the served spec for computers-inventory (the distiller kept them)', () => {
    const inventory = documented.find(
      (entry) => entry.path === '/v1/computers-inventory' && entry.parameter === 'filter',
    );
    expect(inventory?.fields).toContain('general.remoteManagement.managed');
    expect(documented.length).toBeGreaterThanOrEqual(50);
  });

  it('are all accepted by the lists that document them', async () => {
    const token = await userToken(jamf);
    const refused: string[] = [];
    for (const { path, parameter, fields } of documented) {
      for (const field of fields) {
        const value = parameter === 'filter' ? `${field}==x` : `${field}:asc`;
        const query = new URLSearchParams({ [parameter]: value, 'page-size': '1' });
        const response = await api(jamf, token, 'GET', `${path}?${query}`);
        const body = await response.text();
        if (response.status >= 500 || /Cannot (filter|sort) by field/.test(body)) {
          refused.push(`${parameter} ${path} ${field}: ${response.status}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
