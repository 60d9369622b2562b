import { describe, expect, it } from 'vitest';
import { createClassicClient } from '../src/index.js';

const recording = (answer: () => Response) => {
  const requests: Request[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    requests.push(new Request(input, init));
    return answer();
  };
  return { requests, fetchImpl };
};

describe('classic.request for any swagger path', () => {
  it('fills and encodes path parameters and asks for JSON on reads', async () => {
    const { requests, fetchImpl } = recording(() =>
      Response.json({ computer: { general: { name: 'a' } } }),
    );
    const classic = createClassicClient({ baseUrl: 'https://jamf.example.test', fetch: fetchImpl });
    const body = await classic.request('GET', '/computers/id/{id}/subset/{subset}', {
      params: { path: { id: '12', subset: 'General&Hardware' } },
    });
    expect(body.computer.general?.name).toBe('a');
    expect(requests[0]?.url).toBe(
      'https://jamf.example.test/JSSResource/computers/id/12/subset/General%26Hardware',
    );
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
  });

  it('joins a list of ids with commas', async () => {
    const { requests, fetchImpl } = recording(
      () => new Response('<ok/>', { headers: { 'content-type': 'text/xml' } }),
    );
    const classic = createClassicClient({ baseUrl: 'https://jamf.example.test', fetch: fetchImpl });
    await classic.request('POST', '/mobiledevicecommands/command/{command}/id/{id_list}', {
      params: { path: { command: 'BlankPush', id_list: '13,14' } },
      body: '<mobile_device_command><general><command>BlankPush</command></general></mobile_device_command>',
    });
    const viaArray = await classic.request(
      'GET',
      '/patchpolicies/softwaretitleconfig/id/{softwaretitleconfigid}',
      {
        params: { path: { softwaretitleconfigid: [3, 4] } },
      },
    );
    expect(viaArray).toEqual({ ok: '' });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/JSSResource/mobiledevicecommands/command/BlankPush/id/13,14',
      '/JSSResource/patchpolicies/softwaretitleconfig/id/3,4',
    ]);
  });

  it("serialises an object body to XML with the path's root element, or sends XML text as is", async () => {
    const { requests, fetchImpl } = recording(
      () =>
        new Response('<department><id>4</id></department>', {
          status: 201,
          headers: { 'content-type': 'text/xml' },
        }),
    );
    const classic = createClassicClient({ baseUrl: 'https://jamf.example.test', fetch: fetchImpl });
    const created = await classic.request('POST', '/departments/id/{id}', {
      params: { path: { id: 0 } },
      body: { name: 'IT' },
    });
    expect(created).toEqual({ id: 4 });
    await classic.request('PUT', '/departments/id/{id}', {
      params: { path: { id: 4 } },
      body: '<department><name>Ops</name></department>',
    });
    expect(await requests[0]?.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><department><name>IT</name></department>',
    );
    expect(await requests[1]?.text()).toBe('<department><name>Ops</name></department>');
    expect(
      requests.map((r) => [r.method, r.headers.get('content-type'), r.headers.get('accept')]),
    ).toEqual([
      ['POST', 'application/xml', 'application/xml'],
      ['PUT', 'application/xml', 'application/xml'],
    ]);
  });

  it('rejects a missing path parameter before sending anything', async () => {
    const { requests, fetchImpl } = recording(() => Response.json({}));
    const classic = createClassicClient({ baseUrl: 'https://jamf.example.test', fetch: fetchImpl });
    const call = classic.request as (
      method: string,
      path: string,
      options?: unknown,
    ) => Promise<unknown>;
    await expect(call('GET', '/computers/id/{id}', { params: { path: {} } })).rejects.toThrow(
      /Missing path parameter "id"/,
    );
    expect(requests).toHaveLength(0);
  });
});
