import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { privilegeCatalogue } from '../src/generated/privilege-catalogue.js';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Classic peripheraltypes, in the shape ruby-jss writes and reads (`peripheral_type.rb`).
const jamf = setupJamfMock({ seed: 2 });
const xml = new XMLParser({ parseTagValue: false });

async function classic(
  path: string,
  init: { method?: string; body?: string; accept?: string; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${init.token ?? (await userToken(jamf))}`,
    accept: init.accept ?? 'application/json',
  };
  if (init.body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
}

const DISPLAY = `<peripheral_type><id>77</id><name>Display</name><fields>
  <field><order>1</order><name>Make</name><type>text</type><choices/></field>
  <field><order>2</order><name>Size</name><type>menu</type><choices><choice>24"</choice><choice>27"</choice></choices></field>
</fields></peripheral_type>`;

describe('/JSSResource/peripheraltypes', () => {
  it('creates, lists, reads, updates and deletes a type with its fields', async () => {
    expect(await (await classic('/peripheraltypes')).json()).toEqual({ peripheral_types: [] });
    const created = await classic('/peripheraltypes/id/0', { method: 'POST', body: DISPLAY });
    expect(created.status).toBe(201);
    const id = Number(/<id>(\d+)<\/id>/.exec(await created.text())?.[1]);
    expect(id).not.toBe(77);
    expect(await (await classic('/peripheraltypes')).json()).toEqual({
      peripheral_types: [{ id, name: 'Display' }],
    });
    expect(await (await classic(`/peripheraltypes/id/${id}`)).json()).toEqual({
      peripheral_type: {
        id,
        name: 'Display',
        fields: [
          { order: 1, name: 'Make', type: 'text', choices: [] },
          { order: 2, name: 'Size', type: 'menu', choices: ['24"', '27"'] },
        ],
      },
    });
    const asXml = xml.parse(
      await (await classic(`/peripheraltypes/id/${id}`, { accept: 'application/xml' })).text(),
    ).peripheral_type;
    expect(asXml.fields.field[1].choices.choice).toEqual(['24"', '27"']);
    const list = xml.parse(
      await (await classic('/peripheraltypes', { accept: 'application/xml' })).text(),
    ).peripheral_types;
    expect(list).toEqual({ size: '1', peripheral_type: { id: String(id), name: 'Display' } });

    const renamed = await classic(`/peripheraltypes/id/${id}`, {
      method: 'PUT',
      body: '<peripheral_type><name>Monitor</name></peripheral_type>',
    });
    expect(renamed.status).toBe(201);
    const read = (await (await classic(`/peripheraltypes/id/${id}`)).json()) as {
      peripheral_type: { name: string; fields: unknown[] };
    };
    expect(read.peripheral_type.name).toBe('Monitor');
    expect(read.peripheral_type.fields).toHaveLength(2);
    expect((await classic(`/peripheraltypes/id/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await classic(`/peripheraltypes/id/${id}`)).status).toBe(404);
  });

  it('refuses a duplicate or missing name (409) and a caller without Peripheral Types (403)', async () => {
    await classic('/peripheraltypes/id/0', { method: 'POST', body: DISPLAY });
    const duplicate = await classic('/peripheraltypes/id/0', { method: 'POST', body: DISPLAY });
    expect(duplicate.status).toBe(409);
    const nameless = await classic('/peripheraltypes/id/0', {
      method: 'POST',
      body: '<peripheral_type><fields/></peripheral_type>',
    });
    expect(nameless.status).toBe(409);
    expect(privilegeCatalogue).toEqual(
      expect.arrayContaining(['Read Peripheral Types', 'Create Peripheral Types']),
    );
    jamf.state.accounts.add({ username: 'viewer', password: 'pw', privileges: ['Read Printers'] });
    const refused = await classic('/peripheraltypes', {
      token: await userToken(jamf, 'viewer', 'pw'),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Read Peripheral Types');
  });
});
