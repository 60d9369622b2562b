import type { JsonCollection } from './json-collection.js';
import type { MockState } from './mock-state.js';

/**
 * The sites of a mock, shared by Classic `/JSSResource/sites` (create, edit, delete) and Pro
 * `GET /v1/sites` (list). A fresh mock has none, as a Jamf Pro where no site was ever created
 * (unverified: sites are optional in Jamf Pro, and the mock starts without any).
 */
export function sitesOf(state: MockState): JsonCollection {
  return state.collections.collection('/v1/sites', () => []);
}
