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
