import { readFileSync } from 'node:fs';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({
  seed: 8,
  counts: { computers: 6, mobileDevices: 4, computerGroups: 3, mobileDeviceGroups: 3 },
});

type Elements = Record<string, unknown>;
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};

// Jamf's Classic object schemas as the repo distils them (specs/, from classic-schemas.json).
const spec = JSON.parse(
  readFileSync(new URL('../../../specs/jamf-classic.openapi.json', import.meta.url), 'utf8'),
) as { components: { schemas: Record<string, Schema> } };

const resolve = (schema: Schema): Schema => {
  let at = schema;
  while (at.$ref !== undefined) at = spec.components.schemas[at.$ref.split('/').pop() ?? ''] ?? {};
  return at;
};

/** Every leaf, list and item path of a schema with its type: `general.id` → `integer`. */
function schemaPaths(schema: Schema, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const at = resolve(schema);
  const properties: Record<string, Schema> | undefined = at.allOf
    ? Object.assign({}, ...at.allOf.map((part) => resolve(part).properties ?? {}))
    : at.properties;
  if (properties !== undefined && at.type !== 'array') {
    for (const [key, child] of Object.entries(properties))
      for (const [path, type] of schemaPaths(child, prefix === '' ? key : `${prefix}.${key}`))
        out.set(path, type);
    return out;
  }
  if (at.type === 'array') {
    out.set(prefix, 'array');
    if (at.items !== undefined)
      for (const [path, type] of schemaPaths(at.items, `${prefix}[]`)) out.set(path, type);
    return out;
  }
  out.set(prefix, at.type ?? 'object');
  return out;
}

const isElements = (value: unknown): value is Elements =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The values at `path` (`a.b[].c`): one per item where the path crosses a list. */
function valuesAt(record: unknown, path: string): unknown[] {
  let at: unknown[] = [record];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    at = at.flatMap((value) => {
      if (!isElements(value) || !(key in value)) return [undefined];
      const child = value[key];
      return list ? (Array.isArray(child) ? child : [undefined]) : [child];
    });
  }
  return at;
}

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  integer: (value) => Number.isInteger(value),
  number: (value) => typeof value === 'number',
  boolean: (value) => typeof value === 'boolean',
  array: (value) => Array.isArray(value),
  object: isElements,
};

/** Schema paths the JSON record does not have, or has with another type. */
function jsonMismatches(record: unknown, paths: Map<string, string>): string[] {
  const wrong: string[] = [];
  const failed: string[] = [];
  for (const [path, type] of paths) {
    // Items of a list that is missing or of another type are that list's one failure.
    if (failed.some((parent) => path.startsWith(`${parent}[]`) || path.startsWith(`${parent}.`)))
      continue;
    for (const value of valuesAt(record, path)) {
      if (value === undefined || !(JSON_TYPES[type] ?? (() => false))(value)) failed.push(path);
      if (value === undefined) wrong.push(`${path} missing`);
      else if (!(JSON_TYPES[type] ?? (() => false))(value)) wrong.push(`${path} not ${type}`);
    }
  }
  return [...new Set(wrong)].sort();
}

/**
 * Schema paths the XML record does not have as elements, or whose text is not of the type:
 * integers as digits, booleans as `true`/`false`. Lists are checked as present (their items'
 * element names differ by list); paths inside list items are left to the JSON check.
 */
function xmlMismatches(record: unknown, paths: Map<string, string>): string[] {
  const wrong: string[] = [];
  for (const [path, type] of paths) {
    if (path.includes('[]')) continue;
    const [value] = valuesAt(record, path);
    if (value === undefined) wrong.push(`${path} missing`);
    else if (type === 'integer' && !/^-?\d+$/.test(String(value)))
      wrong.push(`${path} not ${type}`);
    else if (type === 'boolean' && !/^(true|false)$/.test(String(value)))
      wrong.push(`${path} not ${type}`);
    else if (type === 'string' && typeof value !== 'string') wrong.push(`${path} not ${type}`);
  }
  return [...new Set(wrong)].sort();
}

const COMPUTER_PATHS = schemaPaths(spec.components.schemas.computer_post as Schema);
const MOBILE_DEVICE_PATHS = schemaPaths(spec.components.schemas.mobile_device as Schema);

/**
 * Where the mock follows a live server's record over the schema (each cited in
 * classic-computer-record.ts and the README's ledger): jamf-pro-sdk-python's fixture of a computer
 * read from a 10.42.1 server (tests/unit/models/test_models_classic_computers.py) and
 * go-api-sdk-jamfpro's structs. The check of the schema's paths expects exactly these misses.
 */
const COMPUTER_DIVERGENCES = [
  'general.mdm_capable_users.mdm_capable_user missing', // `{}` with no MDM-capable user
  'general.remote_management.management_username deprecated="10.48" missing', // a doc note, not a name
  'hardware.filevault_2_users missing', // `filevault2_users`
  'hardware.processor_architechture missing', // `processor_architecture`
  'hardware.processor_speed not string', // a number
  'hardware.processor_speed_mhz not string', // a number
  'software.available_updates not array', // `{}`
  'software.unix_executables not string', // a list
];

/**
 * The divergences as the XML form shows them: a number's text is still text there, and an empty
 * list is an empty element as blank text is.
 */
const COMPUTER_XML_DIVERGENCES = [
  'general.mdm_capable_users.mdm_capable_user missing',
  'general.remote_management.management_username deprecated="10.48" missing',
  'hardware.filevault_2_users missing',
  'hardware.processor_architechture missing',
];

async function headers(json: boolean): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await userToken(jamf)}`,
    ...(json ? { accept: 'application/json' } : {}),
  };
}

async function getJson(path: string): Promise<Elements> {
  const response = await fetch(`${jamf.baseUrl}${path}`, { headers: await headers(true) });
  expect(response.status).toBe(200);
  return (await response.json()) as Elements;
}

async function getXml(path: string): Promise<string> {
  const response = await fetch(`${jamf.baseUrl}${path}`, { headers: await headers(false) });
  expect(response.status).toBe(200);
  return response.text();
}

async function putXml(path: string, body: string): Promise<Response> {
  return fetch(`${jamf.baseUrl}${path}`, {
    method: 'PUT',
    headers: { ...(await headers(false)), 'content-type': 'text/xml' },
    body,
  });
}

const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: true });
const xmlOf = (text: string, root: string): unknown => (xml.parse(text) as Elements)[root];

/** A section's name as a Classic `subset` segment: `GroupsAccounts` for `groups_accounts`. */
const subsetName = (section: string) =>
  section
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

describe('a Classic computer record', () => {
  it('has every element of Jamf’s computer object with its type in JSON, but for the cited divergences', async () => {
    for (const id of [1, 2, 3]) {
      const { computer } = await getJson(`/JSSResource/computers/id/${id}`);
      expect(jsonMismatches(computer, COMPUTER_PATHS)).toEqual(COMPUTER_DIVERGENCES);
    }
  });

  it('has them in XML too', async () => {
    const computer = xmlOf(await getXml('/JSSResource/computers/id/2'), 'computer');
    expect(xmlMismatches(computer, COMPUTER_PATHS)).toEqual(COMPUTER_XML_DIVERGENCES);
  });

  it('has the elements a live record has beyond the schema, of the live record’s types', async () => {
    const { computer } = await getJson('/JSSResource/computers/id/1');
    const record = computer as Elements;
    const expected: Record<string, string> = {
      'general.remote_management.management_username': 'string',
      'general.supervised': 'boolean',
      'general.mdm_profile_expiration_epoch': 'integer',
      'general.mdm_profile_expiration_utc': 'string',
      'general.mdm_capable_users': 'object',
      'purchasing.os_applecare_id': 'string',
      'purchasing.os_maintenance_expires': 'string',
      'purchasing.attachments': 'array',
      'hardware.processor_architecture': 'string',
      'hardware.processor_speed': 'integer',
      'hardware.processor_speed_mhz': 'integer',
      'hardware.is_apple_silicon': 'boolean',
      'hardware.software_update_device_id': 'string',
      'hardware.supports_ios_app_installs': 'boolean',
      'hardware.filevault2_users': 'array',
      'software.unix_executables': 'array',
      'software.available_updates': 'object',
      'groups_accounts.user_inventories.disable_automatic_login': 'boolean',
      iphones: 'array',
    };
    expect(jsonMismatches(record, new Map(Object.entries(expected)))).toEqual([]);
    expect(valuesAt(record, 'software.available_updates')).toEqual([{}]);
    expect(valuesAt(record, 'general.mdm_capable_users')).toEqual([{}]);
  });

  it('answers every section as its subset, the same in JSON and XML as in the whole record', async () => {
    const { computer } = await getJson('/JSSResource/computers/id/3');
    const whole = xmlOf(await getXml('/JSSResource/computers/id/3'), 'computer') as Elements;
    for (const [section, value] of Object.entries(computer as Elements)) {
      const path = `/JSSResource/computers/id/3/subset/${subsetName(section)}`;
      expect(await getJson(path)).toEqual({ computer: { [section]: value } });
      expect(xmlOf(await getXml(path), 'computer')).toEqual({ [section]: whole[section] });
    }
  });

  it('gives the values of the Pro view of the same computer', async () => {
    for (const id of [1, 4]) {
      const { computer } = await getJson(`/JSSResource/computers/id/${id}`);
      const { general, hardware } = computer as Record<string, Elements>;
      const pro = await getJson(`/api/v1/computers-inventory-detail/${id}`);
      const proGeneral = pro.general as Elements;
      const proHardware = pro.hardware as Elements;
      const os = pro.operatingSystem as Elements;
      const ms = (value: unknown) => Date.parse(String(value));
      expect(general).toMatchObject({
        report_date_epoch: ms(proGeneral.reportDate),
        last_contact_time_epoch: ms(proGeneral.lastContactTime),
        last_enrolled_date_epoch: ms(proGeneral.lastEnrolledDate),
        initial_entry_date: proGeneral.initialEntryDate,
        initial_entry_date_epoch: ms(proGeneral.initialEntryDate),
        remote_management: { managed: (proGeneral.remoteManagement as Elements).managed },
        supervised: proGeneral.supervised,
        jamf_version: String(proGeneral.jamfBinaryVersion).replace(/-t\d+$/, ''),
        asset_tag: proGeneral.assetTag,
        ip_address: proGeneral.lastIpAddress,
      });
      // The three forms of one moment agree: plain (yyyy-MM-dd HH:mm:ss), _utc and _epoch.
      for (const name of ['report_date', 'last_contact_time']) {
        const epoch = general?.[`${name}_epoch`] as number;
        const iso = new Date(epoch).toISOString();
        expect(general?.[`${name}_utc`]).toBe(iso.replace('Z', '+0000'));
        expect(general?.[name]).toBe(iso.slice(0, 19).replace('T', ' '));
      }
      expect(hardware).toMatchObject({
        model: proHardware.model,
        model_identifier: proHardware.modelIdentifier,
        processor_type: proHardware.processorType,
        processor_architecture: proHardware.processorArchitecture,
        is_apple_silicon: proHardware.appleSilicon,
        total_ram: proHardware.totalRamMegabytes,
        total_ram_mb: proHardware.totalRamMegabytes,
        os_name: os.name,
        os_version: os.version,
        os_build: os.build,
      });
    }
  });

  it('takes back a whole record read as XML with one field changed, and changes only that field', async () => {
    const before = await getJson('/JSSResource/computers/id/5');
    const text = await getXml('/JSSResource/computers/id/5');
    const edited = text.replace(/<room>[^<]*<\/room>/, '<room>Lab 42</room>');
    expect(edited).not.toBe(text);
    expect((await putXml('/JSSResource/computers/id/5', edited)).status).toBe(201);
    const after = await getJson('/JSSResource/computers/id/5');
    const location = (before.computer as Elements).location as Elements;
    expect(after).toEqual({
      computer: { ...(before.computer as Elements), location: { ...location, room: 'Lab 42' } },
    });
  });

  it('takes back a whole record read as JSON and written as XML, ignoring the read-only elements', async () => {
    const before = (await getJson('/JSSResource/computers/id/6')).computer as Record<
      string,
      Elements
    >;
    // A script's edit: one field it means to change, and read-only inventory it copies along.
    const edited = {
      ...before,
      general: { ...before.general, asset_tag: 'TAG-6', report_date_epoch: 1, jamf_version: '1.0' },
      hardware: { ...before.hardware, total_ram_mb: 1, os_version: '1.0' },
    };
    const body = new XMLBuilder({ format: false }).build({ computer: edited }) as string;
    expect((await putXml('/JSSResource/computers/id/6', body)).status).toBe(201);
    const after = (await getJson('/JSSResource/computers/id/6')).computer;
    expect(after).toEqual({ ...before, general: { ...before.general, asset_tag: 'TAG-6' } });
  });

  it('is unmanaged and managed again by a write of general.remote_management.managed, in both APIs', async () => {
    const body = (managed: boolean) =>
      `<computer><general><remote_management><managed>${managed}</managed><management_username>admin</management_username></remote_management></general></computer>`;
    for (const managed of [false, true]) {
      expect((await putXml('/JSSResource/computers/id/2', body(managed))).status).toBe(201);
      const { computer } = await getJson('/JSSResource/computers/id/2');
      expect((computer as Record<string, Elements>).general).toMatchObject({
        remote_management: { managed },
        mdm_capable: managed,
      });
      const pro = await getJson('/api/v1/computers-inventory-detail/2');
      expect((pro.general as Elements).remoteManagement).toMatchObject({ managed });
    }
  });
});

describe('a Classic mobile device record', () => {
  it('has every element of Jamf’s mobile device object with its type in JSON and in XML', async () => {
    for (const id of [1, 2]) {
      const { mobile_device } = await getJson(`/JSSResource/mobiledevices/id/${id}`);
      expect(jsonMismatches(mobile_device, MOBILE_DEVICE_PATHS)).toEqual([]);
      const parsed = xmlOf(await getXml(`/JSSResource/mobiledevices/id/${id}`), 'mobile_device');
      expect(xmlMismatches(parsed, MOBILE_DEVICE_PATHS)).toEqual([]);
    }
  });

  it('answers the subsets clients ask for, each the same section as in the whole record', async () => {
    // The subset names jps-api-wrapper's `get_mobile_device` offers (src/jps_api_wrapper/classic.py).
    const subsets: Record<string, string> = {
      General: 'general',
      Location: 'location',
      Purchasing: 'purchasing',
      Applications: 'applications',
      Security: 'security_object',
      Network: 'network',
      Certificates: 'certificates',
      ConfigurationProfiles: 'configuration_profiles',
      ProvisioningProfiles: 'provisioning_profiles',
      MobileDeviceGroups: 'mobile_device_groups',
      ExtensionAttributes: 'extension_attributes',
    };
    const { mobile_device } = await getJson('/JSSResource/mobiledevices/id/2');
    const whole = xmlOf(
      await getXml('/JSSResource/mobiledevices/id/2'),
      'mobile_device',
    ) as Elements;
    expect(Object.keys(mobile_device as Elements)).toEqual(Object.values(subsets));
    for (const [subset, section] of Object.entries(subsets)) {
      const path = `/JSSResource/mobiledevices/id/2/subset/${subset}`;
      expect(await getJson(path)).toEqual({
        mobile_device: { [section]: (mobile_device as Elements)[section] },
      });
      expect(xmlOf(await getXml(path), 'mobile_device')).toEqual({ [section]: whole[section] });
    }
  });

  it('lists the groups the device is in, and its site, where ruby-jss reads them', async () => {
    const created = await fetch(`${jamf.baseUrl}/JSSResource/mobiledevicegroups/id/0`, {
      method: 'POST',
      headers: { ...(await headers(false)), 'content-type': 'text/xml' },
      body: '<mobile_device_group><name>Loaners</name><is_smart>false</is_smart><mobile_devices><mobile_device><id>1</id></mobile_device></mobile_devices></mobile_device_group>',
    });
    expect(created.status).toBe(201);
    const id = Number(/<id>(\d+)<\/id>/.exec(await created.text())?.[1]);
    const { mobile_device } = await getJson('/JSSResource/mobiledevices/id/1');
    const record = mobile_device as Record<string, unknown>;
    expect(record.mobile_device_groups).toContainEqual({ id, name: 'Loaners' });
    const other = await getJson('/JSSResource/mobiledevices/id/2');
    expect((other.mobile_device as Elements).mobile_device_groups).not.toContainEqual({
      id,
      name: 'Loaners',
    });
    expect((record.general as Elements).site).toEqual({ id: -1, name: 'None' });
  });

  it('gives the values of the Pro view of the same device', async () => {
    const { mobile_device } = await getJson('/JSSResource/mobiledevices/id/3');
    const general = (mobile_device as Record<string, Elements>).general as Elements;
    const pro = await getJson('/api/v2/mobile-devices/3/detail');
    const epoch = Date.parse(String(pro.lastInventoryUpdateTimestamp));
    expect(general).toMatchObject({
      name: pro.name,
      serial_number: pro.serialNumber,
      udid: pro.udid,
      os_version: pro.osVersion,
      os_build: pro.osBuild,
      managed: pro.managed,
      last_inventory_update_epoch: epoch,
      last_inventory_update_utc: new Date(epoch).toISOString().replace('Z', '+0000'),
      last_inventory_update: new Date(epoch).toISOString().slice(0, 19).replace('T', ' '),
    });
  });

  it('takes back a whole record read as XML with one field changed, and changes only that field', async () => {
    const before = await getJson('/JSSResource/mobiledevices/id/4');
    const text = await getXml('/JSSResource/mobiledevices/id/4');
    const edited = text.replace(/<username>[^<]*<\/username>/, '<username>kim</username>');
    expect(edited).not.toBe(text);
    expect((await putXml('/JSSResource/mobiledevices/id/4', edited)).status).toBe(201);
    const after = await getJson('/JSSResource/mobiledevices/id/4');
    const location = (before.mobile_device as Elements).location as Elements;
    expect(after).toEqual({
      mobile_device: {
        ...(before.mobile_device as Elements),
        location: { ...location, username: 'kim' },
      },
    });
  });
});
