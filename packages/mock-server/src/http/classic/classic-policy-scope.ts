import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import type { Policy } from '../../state/inventory/policies.js';
import type { MockState } from '../../state/mock-state.js';
import { computerScopeDetail } from './classic-scope.js';
import { withBlanks } from './classic-shape.js';

type ObjectShape = { o: Record<string, XmlShape> };

const POLICY = classicXmlShapes.policy as ObjectShape;
const SCHEMA_SCOPE = POLICY.o.scope as ObjectShape;

/**
 * A policy's `printers` in XML: Jamf writes `<size>`, an empty `<leave_existing_default/>` however
 * it was written, then the printers (a policy as a Jamf server exports it: jamf/ReEnroller,
 * `ReEnroller/ObjectXML.swift`; jamf/terraform-provider-jamfplatform drops the field because Jamf
 * always answers it empty). python-jamf's XML reader drops a `<printers>` holding only
 * `<size>0</size>`, and its `Policy.spreadsheet` then fails on `printers`.
 */
const POLICY_PRINTERS = POLICY.o.printers as XmlShape;

/**
 * A policy's `scope` as the Classic policy object (`classic-schemas.json`, `policy_post`) has it,
 * except `limit_to_users`, which holds `user_groups` as Jamf writes it
 * (`<limit_to_users><user_groups/></limit_to_users>`, a policy exported from a Jamf server in a
 * migration tool's fixtures; jamf/ReEnroller's exported policy has the other scope lists as empty
 * elements; python-jamf reads `scope/limit_to_users/user_groups`), not the
 * schema's list of bare `user_groups` strings. Its lists carry no `<size>`: the schema gives them
 * none, and python-jamf's XML reader drops an element holding only `<size>0</size>`, so its
 * `Policy.spreadsheet` (which reads `scope/computer_groups` of every policy) could not run on a
 * server that wrote one.
 */
const SCOPE: ObjectShape = {
  o: { ...SCHEMA_SCOPE.o, limit_to_users: { o: { user_groups: { a: 'user_group', i: 's' } } } },
};

/** The scope elements the mock keeps nothing for: users, buildings, limitations, exclusions. */
const UNKEPT_SCOPE: ObjectShape = {
  o: Object.fromEntries(
    Object.entries(SCOPE.o).filter(
      ([key]) => !['all_computers', 'computers', 'computer_groups'].includes(key),
    ),
  ),
};

/**
 * A Classic policy's `scope`: all computers, its computers and computer groups, and every other
 * element of the Classic scope blank, so a client reading any of them finds it.
 */
export function policyScopeDetail(row: Readonly<Policy>, state: MockState) {
  return {
    ...computerScopeDetail(row, state),
    ...(withBlanks({}, UNKEPT_SCOPE) as Record<string, unknown>),
  };
}

/**
 * What names a policy's XML lists: the scope's, as `SCOPE` says (`<buildings/>` when empty,
 * `<computers><computer>…</computer></computers>` with no `<size>`), and `printers` as the
 * schema's object of `<size>`, `<leave_existing_default/>` and the printers (the JSON view keeps
 * the list). Sections not named here are written as before.
 */
export const POLICY_XML_SHAPE: XmlShape = { o: { scope: SCOPE, printers: POLICY_PRINTERS } };
