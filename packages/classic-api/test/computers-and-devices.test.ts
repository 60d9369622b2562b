import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClassicApiError, createClassicClient } from '../src/index.js';
import { bearerFetch, classicEmulation, ORIGIN } from './support/classic-emulation.js';

const emulation = classicEmulation({
  computers: [
    {
      id: 1,
      general: {
        id: 1,
        name: 'Lab Mac #1/2',
        serial_number: 'C02AAA111',
        udid: 'UDID-AAA',
        remote_management: { managed: true },
      },
      hardware: { model: 'MacBook Pro', os_version: '14.5' },
      extension_attributes: [{ id: 3, name: 'Owner', type: 'String', value: 'ops' }],
    },
    { id: 2, general: { id: 2, name: 'Kiosk', serial_number: 'C02BBB222', udid: 'UDID-BBB' } },
  ],
  mobiledevices: [
    { id: 7, general: { id: 7, name: 'iPad 7', serial_number: 'DMP777', udid: 'UDID-777' } },
  ],
});
const server = setupServer(...emulation.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulation.received.length = 0;
});
afterAll(() => server.close());

const classic = createClassicClient({ baseUrl: ORIGIN, fetch: bearerFetch });

describe('computers', () => {
  it('lists ids and names', async () => {
    expect(await classic.computers.list()).toEqual([
      { id: 1, name: 'Lab Mac #1/2' },
      { id: 2, name: 'Kiosk' },
    ]);
    expect(emulation.received[0]).toMatchObject({
      method: 'GET',
      path: '/JSSResource/computers',
      accept: 'application/json',
    });
  });

  it('reads one by id as a typed object, unwrapped from its root element', async () => {
    const computer = await classic.computers.get({ id: 1 });
    expect(computer.general?.serial_number).toBe('C02AAA111');
    expect(computer.extension_attributes).toEqual([
      { id: 3, name: 'Owner', type: 'String', value: 'ops' },
    ]);
    expect(emulation.received[0]?.path).toBe('/JSSResource/computers/id/1');
  });

  it('reads by name (URL-encoded), serial number and UDID', async () => {
    expect((await classic.computers.get({ name: 'Lab Mac #1/2' })).general?.id).toBe(1);
    expect((await classic.computers.get({ serialnumber: 'C02BBB222' })).general?.name).toBe(
      'Kiosk',
    );
    expect((await classic.computers.get({ udid: 'UDID-AAA' })).general?.name).toBe('Lab Mac #1/2');
    expect(emulation.received.map((r) => r.path)).toEqual([
      '/JSSResource/computers/name/Lab%20Mac%20%231%2F2',
      '/JSSResource/computers/serialnumber/C02BBB222',
      '/JSSResource/computers/udid/UDID-AAA',
    ]);
  });

  it('turns a missing computer into a NOT_FOUND ClassicApiError', async () => {
    const error = await classic.computers.get({ serialnumber: 'NOPE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassicApiError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      path: '/computers/serialnumber/{serialnumber}',
    });
  });
});

describe('mobile devices', () => {
  it('reads by id, serial number and UDID', async () => {
    expect((await classic.mobiledevices.get({ id: 7 })).general?.name).toBe('iPad 7');
    expect((await classic.mobiledevices.get({ serialnumber: 'DMP777' })).general?.udid).toBe(
      'UDID-777',
    );
    expect((await classic.mobiledevices.get({ udid: 'UDID-777' })).general?.serial_number).toBe(
      'DMP777',
    );
  });
});
