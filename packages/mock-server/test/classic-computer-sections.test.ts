import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

// The sections of a Classic computer (classic-schemas.json, `computer_post`): ruby-jss's
// Jamf::Computer reads all of them when it fetches one and stops with a NoMethodError on a
// missing `certificates` list or `general.mdm_capable_users` (lib/jamf/api/classic/api_objects/computer.rb).
const SECTIONS = [
  'general',
  'location',
  'purchasing',
  'peripherals',
  'hardware',
  'certificates',
  'security',
  'software',
  'extension_attributes',
  'groups_accounts',
  // Not in the spec; a computer read from a 10.42.1 server has it (jamf-pro-sdk-python,
  // tests/unit/models/test_models_classic_computers.py).
  'iphones',
  'configuration_profiles',
];

describe('a Classic computer record', () => {
  it('has every section of the Classic computer object, lists as lists', async () => {
    const response = await fetch(`${jamf.baseUrl}/JSSResource/computers/id/1`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' },
    });
    const { computer } = (await response.json()) as { computer: Record<string, unknown> };
    expect(Object.keys(computer).sort()).toEqual([...SECTIONS].sort());
    expect(computer.certificates).toEqual([]);
    // Every computer extension attribute is listed, none with a value yet.
    const attributes = computer.extension_attributes as { value: string }[];
    expect(attributes.length).toBeGreaterThan(0);
    expect(attributes.filter((attribute) => attribute.value !== '')).toEqual([]);
    expect(computer.configuration_profiles).toEqual([]);
    const general = computer.general as Record<string, unknown>;
    expect(general.mdm_capable_users).toEqual({});
    expect(general).toMatchObject({ alt_mac_address: '', barcode_1: '', barcode_2: '' });
  });

  it('serves the new sections as subsets', async () => {
    const response = await fetch(
      `${jamf.baseUrl}/JSSResource/computers/id/1/subset/Certificates&GroupsAccounts`,
      { headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' } },
    );
    const { computer } = (await response.json()) as { computer: Record<string, unknown> };
    expect(Object.keys(computer)).toEqual(['certificates', 'groups_accounts']);
  });
});
