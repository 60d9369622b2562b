import { XMLParser } from 'fast-xml-parser';
import { HttpResponse, http } from 'msw';

/** Origin the tests' Classic emulation answers on. */
export const ORIGIN = 'https://classic.example.test';
/** The only token the emulation accepts. */
export const TOKEN = 'classic-test-token';

/** One request the emulation received, for assertions on what went over the wire. */
export interface Received {
  method: string;
  path: string;
  accept: string | null;
  contentType: string | null;
  body: string;
}

type Item = Record<string, unknown> & { id: number };

/** Per resource segment: the root element of one object and of the list. */
const ROOTS: Record<string, { one: string; list: string }> = {
  computers: { one: 'computer', list: 'computers' },
  mobiledevices: { one: 'mobile_device', list: 'mobile_devices' },
  computergroups: { one: 'computer_group', list: 'computer_groups' },
  policies: { one: 'policy', list: 'policies' },
  scripts: { one: 'script', list: 'scripts' },
  categories: { one: 'category', list: 'categories' },
  departments: { one: 'department', list: 'departments' },
  buildings: { one: 'building', list: 'buildings' },
};

const page = (status: number, title: string, message: string) =>
  new HttpResponse(
    `<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style="font-family: sans-serif;">\n<p style="font-size: 1.2em;font-weight: bold;">${title}</p>\n<p>${message}</p>\n<p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html">here</a>.<br>\nPlease continue your visit at our <a href="/">home page</a>.\n</p>\n</body>\n</html>\n`,
    { status, headers: { 'content-type': 'text/html;charset=UTF-8' } },
  );

const xmlParser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

/**
 * A small Classic API in msw handlers: JSON reads of seeded objects, XML writes recorded as
 * received and answered like Jamf (201 with `<root><id>N</id></root>`), HTML error pages.
 * Written independently of the client's XML code so a bug there cannot hide itself.
 */
export function classicEmulation(seed: Record<string, Item[]>) {
  const received: Received[] = [];
  const store = new Map<string, Item[]>(Object.entries(structuredClone(seed)));
  let nextId = 1000;
  const itemsOf = (segment: string) => store.get(segment) ?? [];
  const nameOf = (item: Item) =>
    (item.name ?? (item.general as Record<string, unknown> | undefined)?.name) as
      | string
      | undefined;
  const find = (segment: string, key: string, value: string) =>
    itemsOf(segment).find((item) => {
      const general = (item.general ?? {}) as Record<string, unknown>;
      if (key === 'id' || key === 'userid' || key === 'groupid') return String(item.id) === value;
      if (key === 'name' || key === 'username' || key === 'groupname')
        return nameOf(item) === value;
      if (key === 'serialnumber') return general.serial_number === value;
      if (key === 'udid') return general.udid === value;
      return false;
    });
  const record = async (request: Request) => {
    const url = new URL(request.url);
    received.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      accept: request.headers.get('accept'),
      contentType: request.headers.get('content-type'),
      body: request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text(),
    });
    return request.headers.get('authorization') === `Bearer ${TOKEN}`;
  };
  const rootOf = (segment: string, key: string) =>
    segment === 'accounts' ? (key.startsWith('group') ? 'group' : 'account') : ROOTS[segment]?.one;
  const storeKey = (segment: string, key: string) =>
    segment === 'accounts' ? (key.startsWith('group') ? 'accountgroups' : 'accountusers') : segment;

  const handlers = [
    http.get(`${ORIGIN}/JSSResource/:segment`, async ({ request, params }) => {
      if (!(await record(request)))
        return page(401, 'Unauthorized', 'The request requires user authentication');
      const segment = String(params.segment);
      const roots = ROOTS[segment];
      if (!roots)
        return page(404, 'Not Found', 'The server has not found anything matching the request URI');
      const list = itemsOf(segment).map((item) => ({ id: item.id, name: nameOf(item) }));
      return HttpResponse.json({ [roots.list]: list });
    }),
    http.get(`${ORIGIN}/JSSResource/:segment/:key/:value`, async ({ request, params }) => {
      if (!(await record(request)))
        return page(401, 'Unauthorized', 'The request requires user authentication');
      const [segment, key, value] = [
        String(params.segment),
        String(params.key),
        String(params.value),
      ];
      const root = rootOf(segment, key);
      const item = find(storeKey(segment, key), key, value);
      if (!root || !item)
        return page(404, 'Not Found', 'The server has not found anything matching the request URI');
      return HttpResponse.json({ [root]: item });
    }),
    http.post(`${ORIGIN}/JSSResource/:segment/:key/:value`, async ({ request, params }) => {
      if (!(await record(request)))
        return page(401, 'Unauthorized', 'The request requires user authentication');
      const [segment, key] = [String(params.segment), String(params.key)];
      const root = rootOf(segment, key);
      if (!root)
        return page(404, 'Not Found', 'The server has not found anything matching the request URI');
      let tree: Record<string, Record<string, unknown>>;
      try {
        tree = xmlParser.parse(received.at(-1)?.body ?? '', true) as typeof tree;
      } catch {
        return page(400, 'Bad Request', 'Error: Unable to parse XML');
      }
      const object = tree[root];
      if (!object)
        return page(409, 'Conflict', `Error: Problem with root element, expected &lt;${root}&gt;`);
      const name = (object.name ??
        (object.general as Record<string, unknown> | undefined)?.name) as string;
      const bucket = storeKey(segment, key);
      if (itemsOf(bucket).some((item) => nameOf(item) === name))
        return page(409, 'Conflict', 'Error: Duplicate name');
      const id = nextId++;
      store.set(bucket, [...itemsOf(bucket), { ...object, id }]);
      return new HttpResponse(
        `<?xml version="1.0" encoding="UTF-8"?><${root}><id>${id}</id></${root}>`,
        {
          status: 201,
          headers: { 'content-type': 'text/xml;charset=UTF-8' },
        },
      );
    }),
    http.put(`${ORIGIN}/JSSResource/:segment/:key/:value`, async ({ request, params }) => {
      if (!(await record(request)))
        return page(401, 'Unauthorized', 'The request requires user authentication');
      const [segment, key, value] = [
        String(params.segment),
        String(params.key),
        String(params.value),
      ];
      const root = rootOf(segment, key);
      const item = find(storeKey(segment, key), key, value);
      if (!root || !item)
        return page(404, 'Not Found', 'The server has not found anything matching the request URI');
      return new HttpResponse(
        `<?xml version="1.0" encoding="UTF-8"?><${root}><id>${item.id}</id></${root}>`,
        {
          status: 201,
          headers: { 'content-type': 'text/xml;charset=UTF-8' },
        },
      );
    }),
    http.delete(`${ORIGIN}/JSSResource/:segment/:key/:value`, async ({ request, params }) => {
      if (!(await record(request)))
        return page(401, 'Unauthorized', 'The request requires user authentication');
      const [segment, key, value] = [
        String(params.segment),
        String(params.key),
        String(params.value),
      ];
      const root = rootOf(segment, key);
      const bucket = storeKey(segment, key);
      const item = find(bucket, key, value);
      if (!root || !item)
        return page(404, 'Not Found', 'The server has not found anything matching the request URI');
      store.set(
        bucket,
        itemsOf(bucket).filter((other) => other !== item),
      );
      return new HttpResponse(
        `<?xml version="1.0" encoding="UTF-8"?><${root}><id>${item.id}</id></${root}>`,
        {
          status: 200,
          headers: { 'content-type': 'text/xml;charset=UTF-8' },
        },
      );
    }),
  ];
  return { handlers, received, store };
}

/** A fetch that adds the emulation's Bearer token, standing in for an auth layer. */
export const bearerFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  request.headers.set('authorization', `Bearer ${TOKEN}`);
  return globalThis.fetch(request);
};
