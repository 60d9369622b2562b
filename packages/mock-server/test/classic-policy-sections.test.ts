import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

// The sections of a Classic policy (classic-schemas.json, `policy_post`): ruby-jss's Jamf::Policy
// reads general.date_time_limitations, maintenance, account_maintenance,
// package_configuration.packages, user_interaction and printers when it fetches a policy and
// stops with a NoMethodError on any of them missing (lib/jamf/api/classic/api_objects/policy.rb).
const SECTIONS = [
  'general',
  'scope',
  'self_service',
  'package_configuration',
  'scripts',
  'printers',
  'dock_items',
  'account_maintenance',
  'reboot',
  'maintenance',
  'files_processes',
  'user_interaction',
  'disk_encryption',
];

describe('a Classic policy record', () => {
  it('has every section of the Classic policy object', async () => {
    const response = await fetch(`${jamf.baseUrl}/JSSResource/policies/id/1`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' },
    });
    const { policy } = (await response.json()) as {
      policy: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(policy).sort()).toEqual([...SECTIONS].sort());
    expect(policy.general?.date_time_limitations).toMatchObject({ activation_date_epoch: 0 });
    expect(policy.package_configuration?.packages).toEqual([]);
    expect(policy.account_maintenance).toMatchObject({ accounts: [], directory_bindings: [] });
    expect(policy.printers).toEqual([]);
    expect(policy.user_interaction).toMatchObject({ allow_users_to_defer: false });
  });
});

// python-jamf's `Policy.spreadsheet` (jctl `policies --spreadsheet`, records.py) reads
// scope/buildings, scope/departments, scope/limit_to_users/user_groups and disk_encryption/action
// of every policy; its XML reader drops an element holding only `<size>0</size>`, so empty lists
// must be empty elements (its spreadsheet reads scope/computer_groups too). Jamf writes `<limit_to_users><user_groups/></limit_to_users>` (a
// policy as a Jamf server exports it, in a migration tool's fixtures).
describe('a Classic policy scope', () => {
  const read = async (accept: string) =>
    fetch(`${jamf.baseUrl}/JSSResource/policies/id/1`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}`, accept },
    });

  it('has every list of the Classic scope, limitations and exclusions, and a disk encryption action', async () => {
    const { policy } = (await (await read('application/json')).json()) as {
      policy: { scope: Record<string, unknown>; disk_encryption: Record<string, unknown> };
    };
    expect(policy.scope).toMatchObject({
      buildings: [],
      departments: [],
      limit_to_users: { user_groups: [] },
      limitations: { users: [], user_groups: [], network_segments: [], ibeacons: [] },
      exclusions: { computers: [], computer_groups: [], buildings: [], departments: [] },
    });
    expect(policy.disk_encryption).toMatchObject({ action: 'none' });
  });

  it('writes the empty lists as empty elements in XML', async () => {
    const text = await (await read('application/xml')).text();
    const scope = /<scope>.*<\/scope>/.exec(text)?.[0] ?? '';
    expect(scope).toContain('<computer_groups></computer_groups>');
    expect(scope).not.toContain('<size>');
    expect(scope).toContain('<buildings></buildings>');
    expect(scope).toContain('<departments></departments>');
    expect(scope).toContain('<limit_to_users><user_groups></user_groups></limit_to_users>');
    expect(scope).toMatch(/<exclusions>.*<buildings><\/buildings>.*<\/exclusions>/);
    expect(text).toMatch(/<disk_encryption><action>none<\/action>/);
  });

  // Jamf writes a policy's printers as `<size>`, `<leave_existing_default/>` and the printers (a
  // policy exported from a server in jamf/ReEnroller; jamf/terraform-provider-jamfplatform: Jamf answers
  // `<leave_existing_default/>` however it was written). python-jamf reads `printers` of every
  // policy; `<printers><size>0</size></printers>` alone is dropped by its reader (KeyError).
  it('writes printers with their size and leave_existing_default in XML, a list in JSON', async () => {
    const text = await (await read('application/xml')).text();
    expect(text).toContain(
      '<printers><size>0</size><leave_existing_default></leave_existing_default></printers>',
    );
    const { policy } = (await (await read('application/json')).json()) as {
      policy: { printers: unknown };
    };
    expect(policy.printers).toEqual([]);
  });
});
