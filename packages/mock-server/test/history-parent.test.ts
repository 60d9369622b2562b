import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// A sub-collection (history) lives below an object: nothing is added below an object that
// does not exist, and the answer is Jamf's 404 error body.
const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

/** Every history entry stored anywhere in the mock, by collection path. */
function historyPaths(): string[] {
  const probe = (path: string) => jamf.state.collections.collection(path, () => []).size;
  return ['/v1/packages/999/history', '/v1/buildings/999/history'].filter(
    (path) => probe(path) > 0,
  );
}

describe('history below a missing object', () => {
  for (const parent of ['/v1/packages', '/v1/buildings']) {
    it(`POST ${parent}/999/history answers 404 with Jamf's error body and stores nothing`, async () => {
      const response = await api(jamf, token, 'POST', `${parent}/999/history`, {
        note: 'nobody home',
      });
      expect(response.status).toBe(404);
      const body = (await response.json()) as { httpStatus: number; errors: unknown[] };
      expect(body.httpStatus).toBe(404);
      expect(body.errors).toHaveLength(1);
      expect(historyPaths()).toEqual([]);
      const list = await api(jamf, token, 'GET', `${parent}/999/history`);
      expect(list.status).toBe(404);
    });
  }

  it('an existing object still takes history entries', async () => {
    const added = await api(jamf, token, 'POST', '/v1/buildings/1/history', { note: 'fine' });
    expect(added.status).toBe(201);
  });
});
