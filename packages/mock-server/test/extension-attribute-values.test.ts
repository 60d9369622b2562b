import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Extension attribute values are one state per device with two views: a value set through either
// API is read back through the other, for computers and mobile devices, and every definition of
// the device's kind is listed on every device.
const jamf = setupJamfMock({ seed: 3 });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

function classic(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function classicJson<T>(path: string): Promise<T> {
  const response = await classic(path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Creates a definition through Pro and returns its id. */
async function proDefinition(path: string, body: Record<string, unknown>): Promise<string> {
  const response = await api(jamf, token, 'POST', path, {
    dataType: 'STRING',
    inputType: 'TEXT',
    inventoryDisplayType: 'EXTENSION_ATTRIBUTES',
    ...body,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

type ClassicAttribute = { id: number; name: string; type: string; value: string };
type ProComputerAttribute = { definitionId: string; name: string; values: string[] | null };
type ProMobileAttribute = { id: string; name: string; value: string[] };

async function classicComputerAttributes(id: number): Promise<ClassicAttribute[]> {
  const { computer } = await classicJson<{
    computer: { extension_attributes: ClassicAttribute[] };
  }>(`/computers/id/${id}/subset/ExtensionAttributes`);
  return computer.extension_attributes;
}

async function classicMobileAttributes(id: number): Promise<ClassicAttribute[]> {
  const { mobile_device } = await classicJson<{
    mobile_device: { extension_attributes: ClassicAttribute[] };
  }>(`/mobiledevices/id/${id}`);
  return mobile_device.extension_attributes;
}

async function proComputerAttributes(id: number): Promise<ProComputerAttribute[]> {
  const record = await proJson<{ extensionAttributes: ProComputerAttribute[] }>(
    `/v1/computers-inventory-detail/${id}`,
  );
  return record.extensionAttributes;
}

async function proMobileAttributes(id: number): Promise<ProMobileAttribute[]> {
  const detail = await proJson<{ extensionAttributes: ProMobileAttribute[] }>(
    `/v2/mobile-devices/${id}/detail`,
  );
  return detail.extensionAttributes;
}

const COMPUTER_EAS = '/v1/computer-extension-attributes';
const MOBILE_EAS = '/v1/mobile-device-extension-attributes';

describe('computer extension attribute values', () => {
  it('a Classic PUT by <id> is read back by Pro; a Pro PATCH by definitionId by Classic', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    const owner = await proDefinition(COMPUTER_EAS, { name: 'Owner' });
    const put = await classic('/computers/id/5', {
      method: 'PUT',
      body: `<computer><extension_attributes><extension_attribute><id>${colour}</id><value>Blue</value></extension_attribute></extension_attributes></computer>`,
    });
    expect(put.status).toBe(201);
    const afterPut = await proComputerAttributes(5);
    expect(afterPut.find((ea) => ea.definitionId === colour)).toMatchObject({
      name: 'Colour',
      values: ['Blue'],
      dataType: 'STRING',
      inputType: 'TEXT',
    });
    expect(afterPut.find((ea) => ea.definitionId === owner)?.values).toEqual([]);

    const patch = await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/5', {
      extensionAttributes: [{ definitionId: owner, values: ['Kim'] }],
    });
    expect(patch.status).toBeLessThan(300);
    const shown = await classicComputerAttributes(5);
    expect(shown.find((ea) => ea.id === Number(owner))).toEqual({
      id: Number(owner),
      name: 'Owner',
      type: 'String',
      multi_value: false,
      value: 'Kim',
    });
    expect(shown.find((ea) => ea.id === Number(colour))?.value).toBe('Blue');
    // Another computer holds neither value.
    const other = await classicComputerAttributes(6);
    expect(other.filter((ea) => ea.value !== '')).toEqual([]);
  });

  it('a Classic PUT by <name> (any case), and a computer looked up by name', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    const { computer } = await classicJson<{ computer: { general: { name: string } } }>(
      '/computers/id/2',
    );
    const put = await classic(`/computers/name/${encodeURIComponent(computer.general.name)}`, {
      method: 'PUT',
      body: '<computer><extension_attributes><extension_attribute><name>colour</name><value>Green</value></extension_attribute></extension_attributes></computer>',
    });
    expect(put.status).toBe(201);
    const attributes = await proComputerAttributes(2);
    expect(attributes.find((ea) => ea.definitionId === colour)?.values).toEqual(['Green']);
  });

  it('lists every computer definition on every computer, in its display section', async () => {
    const general = await proDefinition(COMPUTER_EAS, {
      name: 'Shown in General',
      inventoryDisplayType: 'GENERAL',
    });
    const hardware = await proDefinition(COMPUTER_EAS, {
      name: 'Shown in Hardware',
      inventoryDisplayType: 'HARDWARE',
    });
    const definitions = await proJson<{ totalCount: number }>(COMPUTER_EAS);
    const classicList = await classicComputerAttributes(1);
    expect(classicList).toHaveLength(definitions.totalCount);
    const record = await proJson<Record<string, { extensionAttributes?: ProComputerAttribute[] }>>(
      '/v1/computers-inventory-detail/1',
    );
    expect(record.general?.extensionAttributes?.map((ea) => ea.definitionId)).toContain(general);
    expect(record.hardware?.extensionAttributes?.map((ea) => ea.definitionId)).toEqual([hardware]);
    const page = await proJson<{ results: { extensionAttributes?: ProComputerAttribute[] }[] }>(
      '/v1/computers-inventory?section=EXTENSION_ATTRIBUTES&page-size=5',
    );
    expect(page.results).toHaveLength(5);
    for (const result of page.results)
      expect(result.extensionAttributes?.map((ea) => ea.definitionId)).not.toContain(general);
  });

  it('refuses a value for a definition that does not exist, and stores nothing', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    const before = await classicComputerAttributes(3);
    const put = await classic('/computers/id/3', {
      method: 'PUT',
      body: `<computer><extension_attributes><extension_attribute><id>${colour}</id><value>Red</value></extension_attribute><extension_attribute><id>9999</id><value>x</value></extension_attribute></extension_attributes></computer>`,
    });
    expect(put.status).toBe(409);
    const byName = await classic('/computers/id/3', {
      method: 'PUT',
      body: '<computer><extension_attributes><extension_attribute><name>No such attribute</name><value>x</value></extension_attribute></extension_attributes></computer>',
    });
    expect(byName.status).toBe(409);
    const patch = await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/3', {
      general: { name: 'RENAMED' },
      extensionAttributes: [
        { definitionId: colour, values: ['Red'] },
        { definitionId: '9999', values: ['x'] },
      ],
    });
    expect(patch.status).toBe(400);
    const body = (await patch.json()) as { errors: { code: string; field: string }[] };
    expect(body.errors[0]).toMatchObject({
      code: 'INVALID_FIELD',
      field: 'extensionAttributes[1]',
    });
    expect(await classicComputerAttributes(3)).toEqual(before);
    const { computer } = await classicJson<{ computer: { general: { name: string } } }>(
      '/computers/id/3',
    );
    expect(computer.general.name).not.toBe('RENAMED');
  });

  it('takes values in a section of the PATCH, and a blank value clears one', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    const patch = await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/4', {
      general: { extensionAttributes: [{ definitionId: colour, values: ['Teal'] }] },
    });
    expect(patch.status).toBeLessThan(300);
    expect((await classicComputerAttributes(4)).find((ea) => ea.name === 'Colour')?.value).toBe(
      'Teal',
    );
    const put = await classic('/computers/id/4', {
      method: 'PUT',
      body: `<computer><extension_attributes><extension_attribute><id>${colour}</id><value/></extension_attribute></extension_attributes></computer>`,
    });
    expect(put.status).toBe(201);
    expect(
      (await proComputerAttributes(4)).find((ea) => ea.definitionId === colour)?.values,
    ).toEqual([]);
  });

  it('shows a renamed definition by its new name, and drops a deleted one with its values', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    await classic('/computers/id/7', {
      method: 'PUT',
      body: `<computer><extension_attributes><extension_attribute><id>${colour}</id><value>Blue</value></extension_attribute></extension_attributes></computer>`,
    });
    const rename = await classic(`/computerextensionattributes/id/${colour}`, {
      method: 'PUT',
      body: '<computer_extension_attribute><name>Color</name></computer_extension_attribute>',
    });
    expect(rename.status).toBe(201);
    expect((await proComputerAttributes(7)).find((ea) => ea.definitionId === colour)).toMatchObject(
      {
        name: 'Color',
        values: ['Blue'],
      },
    );
    // Pro lists are rendered from the same definitions.
    const page = await proJson<{
      results: { id: string; extensionAttributes?: ProComputerAttribute[] }[];
    }>('/v1/computers-inventory?section=EXTENSION_ATTRIBUTES&filter=id%3D%3D7');
    expect(
      page.results[0]?.extensionAttributes?.find((ea) => ea.definitionId === colour)?.name,
    ).toBe('Color');

    const removed = await api(jamf, token, 'DELETE', `${COMPUTER_EAS}/${colour}`);
    expect(removed.status).toBe(204);
    expect((await classicComputerAttributes(7)).map((ea) => ea.id)).not.toContain(Number(colour));
    expect((await proComputerAttributes(7)).map((ea) => ea.definitionId)).not.toContain(colour);
    const again = await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/7', {
      extensionAttributes: [{ definitionId: colour, values: ['Blue'] }],
    });
    expect(again.status).toBe(400);
  });

  it('takes values as sent: outside the pop-up choices, for scripts, for disabled ones', async () => {
    const menu = await proDefinition(COMPUTER_EAS, {
      name: 'Menu',
      inputType: 'POPUP',
      popupMenuChoices: ['Red', 'Blue'],
    });
    const script = await proDefinition(COMPUTER_EAS, {
      name: 'Scripted',
      dataType: 'INTEGER',
      inputType: 'SCRIPT',
      scriptContents: '#!/bin/sh\necho "<result>1</result>"',
      enabled: false,
    });
    const put = await classic('/computers/id/9', {
      method: 'PUT',
      body: `<computer><extension_attributes><extension_attribute><id>${menu}</id><value>Purple</value></extension_attribute><extension_attribute><id>${script}</id><value>42</value></extension_attribute></extension_attributes></computer>`,
    });
    expect(put.status).toBe(201);
    const attributes = await proComputerAttributes(9);
    expect(attributes.find((ea) => ea.definitionId === menu)).toMatchObject({
      values: ['Purple'],
      inputType: 'POPUP',
      options: ['Red', 'Blue'],
    });
    expect(attributes.find((ea) => ea.definitionId === script)).toMatchObject({
      values: ['42'],
      inputType: 'SCRIPT',
      dataType: 'INTEGER',
      enabled: false,
    });
  });

  it('writes the values in the XML record, multi_value beside type', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/10', {
      extensionAttributes: [{ definitionId: colour, values: ['Blue'] }],
    });
    const response = await classic('/computers/id/10/subset/ExtensionAttributes', {
      headers: { accept: 'application/xml' },
    });
    const xml = await response.text();
    expect(xml).toContain(
      `<extension_attribute><id>${colour}</id><name>Colour</name><type>String</type><multi_value>false</multi_value><value>Blue</value></extension_attribute>`,
    );
  });

  it('an empty <extension_attributes/> clears every value (jamf/mut#36)', async () => {
    const colour = await proDefinition(COMPUTER_EAS, { name: 'Colour' });
    await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/8', {
      extensionAttributes: [{ definitionId: colour, values: ['Blue'] }],
    });
    const put = await classic('/computers/id/8', {
      method: 'PUT',
      body: '<computer><extension_attributes/></computer>',
    });
    expect(put.status).toBe(201);
    expect(
      (await proComputerAttributes(8)).find((ea) => ea.definitionId === colour)?.values,
    ).toEqual([]);
  });
});

describe('mobile device extension attribute values', () => {
  it('a Classic PUT by <id> is read back by Pro; a Pro PATCH by id by Classic', async () => {
    const room = await proDefinition(MOBILE_EAS, { name: 'Room' });
    const cart = await proDefinition(MOBILE_EAS, { name: 'Cart' });
    const put = await classic('/mobiledevices/id/2', {
      method: 'PUT',
      body: `<mobile_device><extension_attributes><extension_attribute><id>${room}</id><value>B12</value></extension_attribute></extension_attributes></mobile_device>`,
    });
    expect(put.status).toBe(201);
    expect((await proMobileAttributes(2)).find((ea) => ea.id === room)).toMatchObject({
      name: 'Room',
      type: 'STRING',
      value: ['B12'],
    });
    const patch = await api(jamf, token, 'PATCH', '/v2/mobile-devices/2', {
      updatedExtensionAttributes: [{ id: cart, value: ['Cart 4'] }],
    });
    expect(patch.status).toBe(200);
    expect(
      (
        (await patch.json()) as { extensionAttributes: ProMobileAttribute[] }
      ).extensionAttributes.find((ea) => ea.id === cart)?.value,
    ).toEqual(['Cart 4']);
    const shown = await classicMobileAttributes(2);
    expect(shown.find((ea) => ea.id === Number(cart))).toEqual({
      id: Number(cart),
      name: 'Cart',
      type: 'String',
      value: 'Cart 4',
    });
    expect(shown.find((ea) => ea.id === Number(room))?.value).toBe('B12');
  });

  it('a Classic PUT by <name>, a Pro PATCH by name, read in the inventory sections', async () => {
    const room = await proDefinition(MOBILE_EAS, {
      name: 'Room',
      inventoryDisplayType: 'USER_AND_LOCATION',
    });
    const cart = await proDefinition(MOBILE_EAS, { name: 'Cart' });
    const put = await classic('/mobiledevices/id/3', {
      method: 'PUT',
      body: '<mobile_device><extension_attributes><extension_attribute><name>ROOM</name><value>C3</value></extension_attribute></extension_attributes></mobile_device>',
    });
    expect(put.status).toBe(201);
    const patch = await api(jamf, token, 'PATCH', '/v2/mobile-devices/3', {
      updatedExtensionAttributes: [{ name: 'Cart', value: ['Cart 9'] }],
    });
    expect(patch.status).toBe(200);
    const page = await proJson<{
      results: {
        mobileDeviceId: string;
        userAndLocation?: { extensionAttributes: ProMobileAttribute[] };
        extensionAttributes?: ProMobileAttribute[];
      }[];
    }>(
      '/v2/mobile-devices/detail?section=USER_AND_LOCATION&section=EXTENSION_ATTRIBUTES&page-size=100',
    );
    const device = page.results.find((result) => result.mobileDeviceId === '3');
    expect(device?.userAndLocation?.extensionAttributes).toMatchObject([
      { id: room, name: 'Room', value: ['C3'] },
    ]);
    expect(device?.extensionAttributes?.find((ea) => ea.id === cart)?.value).toEqual(['Cart 9']);
  });

  it('Classic refuses a value for a definition that does not exist; Pro skips it', async () => {
    const room = await proDefinition(MOBILE_EAS, { name: 'Room' });
    const before = await classicMobileAttributes(4);
    const put = await classic('/mobiledevices/id/4', {
      method: 'PUT',
      body: `<mobile_device><extension_attributes><extension_attribute><id>${room}</id><value>D1</value></extension_attribute><extension_attribute><name>Nowhere</name><value>x</value></extension_attribute></extension_attributes></mobile_device>`,
    });
    expect(put.status).toBe(409);
    expect(await classicMobileAttributes(4)).toEqual(before);
    const patch = await api(jamf, token, 'PATCH', '/v2/mobile-devices/4', {
      updatedExtensionAttributes: [
        { name: 'Nowhere', value: ['x'] },
        { id: room, value: ['D1'] },
      ],
    });
    expect(patch.status).toBe(200);
    const shown = await classicMobileAttributes(4);
    expect(shown.map((ea) => ea.name)).not.toContain('Nowhere');
    expect(shown.find((ea) => ea.id === Number(room))?.value).toBe('D1');
  });

  it('writes the values in the XML record', async () => {
    const room = await proDefinition(MOBILE_EAS, { name: 'Room' });
    await api(jamf, token, 'PATCH', '/v2/mobile-devices/6', {
      updatedExtensionAttributes: [{ id: room, value: ['F6'] }],
    });
    const response = await classic('/mobiledevices/id/6', {
      headers: { accept: 'application/xml' },
    });
    expect(await response.text()).toContain(
      `<extension_attribute><id>${room}</id><name>Room</name><type>String</type><value>F6</value></extension_attribute>`,
    );
  });

  it('shows a renamed definition by its new name, and drops a deleted one', async () => {
    const room = await proDefinition(MOBILE_EAS, { name: 'Room' });
    await api(jamf, token, 'PATCH', '/v2/mobile-devices/5', {
      updatedExtensionAttributes: [{ id: room, value: ['E5'] }],
    });
    const rename = await classic(`/mobiledeviceextensionattributes/id/${room}`, {
      method: 'PUT',
      body: '<mobile_device_extension_attribute><name>Classroom</name></mobile_device_extension_attribute>',
    });
    expect(rename.status).toBe(201);
    expect((await classicMobileAttributes(5)).find((ea) => ea.id === Number(room))).toMatchObject({
      name: 'Classroom',
      value: 'E5',
    });
    const removed = await classic(`/mobiledeviceextensionattributes/id/${room}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    expect((await proMobileAttributes(5)).map((ea) => ea.id)).not.toContain(room);
    expect((await classicMobileAttributes(5)).map((ea) => ea.id)).not.toContain(Number(room));
  });
});
