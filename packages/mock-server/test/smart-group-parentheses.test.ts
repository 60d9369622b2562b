import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// A smart group's criteria keep their parentheses (ruby-jss writes `opening_paren` and
// `closing_paren` on each criterion; Pro's smart group objects carry `openingParen` and
// `closingParen`), and the parentheses decide the members. Criteria are read left to right, so
// `A or B and C` with C never true selects nothing, and `A or (B and C)` selects A's device.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 5, mobileDevices: 5 } });
watchContract(jamf);

async function classic(method: string, path: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await userToken(jamf)}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
}

function criterionXml(
  name: string,
  andOr: string,
  value: string,
  parens: { opening: boolean; closing: boolean },
  priority: number,
): string {
  return `<criterion><name>${name}</name><priority>${priority}</priority><and_or>${andOr}</and_or><search_type>is</search_type><value>${value}</value><opening_paren>${parens.opening}</opening_paren><closing_paren>${parens.closing}</closing_paren></criterion>`;
}

/** `Name is first or (Name is second and Serial Number is nothing)`, with or without parentheses. */
function groupXml(root: string, nameField: string, names: string[], withParens: boolean): string {
  const criteria = [
    criterionXml(nameField, 'and', names[0] ?? '', { opening: false, closing: false }, 0),
    criterionXml(nameField, 'or', names[1] ?? '', { opening: withParens, closing: false }, 1),
    criterionXml(
      'Serial Number',
      'and',
      'NO-SUCH-SERIAL',
      { opening: false, closing: withParens },
      2,
    ),
  ].join('');
  return `<${root}><name>${withParens ? 'With' : 'Without'} parentheses</name><is_smart>true</is_smart><criteria>${criteria}</criteria></${root}>`;
}

async function createdId(response: Response): Promise<string> {
  expect(response.status).toBe(201);
  return /<id>(\d+)<\/id>/.exec(await response.text())?.[1] ?? '';
}

interface ClassicCriterion {
  opening_paren: boolean;
  closing_paren: boolean;
}

describe('smart group parentheses', () => {
  it('a Classic computer group keeps them, answers them in both APIs, and they decide members', async () => {
    const names = jamf.state.computers.list().map((computer) => computer.name);
    const members: Record<string, number[]> = {};
    for (const withParens of [false, true]) {
      const id = await createdId(
        await classic(
          'POST',
          '/computergroups/id/0',
          groupXml('computer_group', 'Computer Name', names, withParens),
        ),
      );
      const { computer_group: group } = (await (
        await classic('GET', `/computergroups/id/${id}`)
      ).json()) as {
        computer_group: { criteria: ClassicCriterion[]; computers: { id: number }[] };
      };
      expect(group.criteria.map((c) => [c.opening_paren, c.closing_paren])).toEqual([
        [false, false],
        [withParens, false],
        [false, withParens],
      ]);
      members[String(withParens)] = group.computers.map((computer) => computer.id);
      const pro = (await (
        await api(jamf, await userToken(jamf), 'GET', `/v3/computer-groups/smart-groups/${id}`)
      ).json()) as { criteria: { openingParen: boolean; closingParen: boolean }[] };
      expect(pro.criteria.map((c) => [c.openingParen, c.closingParen])).toEqual([
        [false, false],
        [withParens, false],
        [false, withParens],
      ]);
    }
    expect(members).toEqual({ false: [], true: [jamf.state.computers.list()[0]?.id] });
  });

  it('a Pro mobile device group keeps them, and Classic answers them and the members they select', async () => {
    const names = jamf.state.mobileDevices.list().map((device) => device.name);
    const token = await userToken(jamf);
    const created = await api(jamf, token, 'POST', '/v1/mobile-device-groups/smart-groups', {
      groupName: 'Parenthesised devices',
      criteria: [
        { name: 'Display Name', priority: 0, andOr: 'and', searchType: 'is', value: names[0] },
        {
          name: 'Display Name',
          priority: 1,
          andOr: 'or',
          searchType: 'is',
          value: names[1],
          openingParen: true,
          closingParen: false,
        },
        {
          name: 'Serial Number',
          priority: 2,
          andOr: 'and',
          searchType: 'is',
          value: 'NO-SUCH-SERIAL',
          openingParen: false,
          closingParen: true,
        },
      ],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { mobile_device_group: group } = (await (
      await classic('GET', `/mobiledevicegroups/id/${id}`)
    ).json()) as {
      mobile_device_group: { criteria: ClassicCriterion[]; mobile_devices: { id: number }[] };
    };
    expect(group.criteria.map((c) => [c.opening_paren, c.closing_paren])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(group.mobile_devices.map((device) => device.id)).toEqual([
      jamf.state.mobileDevices.list()[0]?.id,
    ]);
    const pro = (await (
      await api(jamf, token, 'GET', `/v1/mobile-device-groups/smart-groups/${id}`)
    ).json()) as { criteria: { openingParen: boolean; closingParen: boolean }[] };
    expect(pro.criteria.map((c) => c.openingParen)).toEqual([false, true, false]);
  });
});
