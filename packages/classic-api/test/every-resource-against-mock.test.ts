import { readFileSync } from 'node:fs';
import { userCredentials, withAuth } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { describe, expect, it } from 'vitest';
import { ClassicApiError, createClassicClient } from '../src/index.js';

// Every Classic resource the client offers with the whole lifecycle (list, create, get by id
// and by name, update, delete) goes once around it against @jamf/mock-server: the client's XML
// for each resource's shape is what the mock (Jamf's object schemas) reads back.

const jamf = setupJamfMock();
const platformFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** The spec both packages are built from: where each resource's object keeps its name. */
const spec = JSON.parse(
  readFileSync(new URL('../../../specs/jamf-classic.openapi.json', import.meta.url), 'utf8'),
) as {
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  'x-jamf-classic-resources': Record<
    string,
    { schema: string; lookups: Record<string, { methods: string[] } | undefined> }
  >;
};

/**
 * Fields a resource refuses to go without, beside its name: Jamf's webhook needs an event, and a
 * distribution point its share and the two accounts (the Classic schema's required elements).
 */
const REQUIRED_BESIDES_NAME: Readonly<Record<string, object>> = {
  webhooks: { event: 'ComputerAdded', url: 'https://hooks.example.com/jamf' },
  distributionpoints: {
    ip_address: 'dp.example.com',
    share_name: 'CasperShare',
    read_only_username: 'casperinstall',
    read_write_username: 'casperadmin',
  },
};

/** The resource can be created and then addressed by id for every method, and read by name. */
function hasWholeLifecycle(resource: string): boolean {
  const { lookups } = spec['x-jamf-classic-resources'][resource]!;
  const byId = lookups.id?.methods ?? [];
  return (
    ['get', 'post', 'put', 'delete'].every((method) => byId.includes(method)) &&
    (lookups.name?.methods ?? []).includes('get')
  );
}

type Lifecycle = {
  list(): Promise<{ id?: number; name?: string }[]>;
  create(object: object): Promise<number>;
  get(lookup: { id: number } | { name: string }): Promise<Record<string, unknown>>;
  update(lookup: { id: number }, changes: object): Promise<number>;
  delete(lookup: { id: number }): Promise<void>;
};

function client() {
  const provider = userCredentials({
    baseUrl: jamf.baseUrl,
    username: 'admin',
    password: 'jamf1234',
  });
  return createClassicClient({ baseUrl: jamf.baseUrl, fetch: withAuth(platformFetch, provider) });
}

/** `{ name }` where the object has a top-level name, else `{ general: { name } }`; else none. */
function named(resource: string, name: string): object | undefined {
  const schema = spec.components.schemas[spec['x-jamf-classic-resources'][resource]?.schema ?? ''];
  const properties = schema?.properties ?? {};
  const extra = REQUIRED_BESIDES_NAME[resource] ?? {};
  if ('name' in properties) return { name, ...extra };
  if ('general' in properties) return { general: { name }, ...extra };
  return undefined;
}

function nameOf(object: Record<string, unknown>): unknown {
  return 'name' in object ? object.name : (object.general as { name?: unknown } | undefined)?.name;
}

const classic = client() as unknown as Record<string, unknown>;
const lifecycles = Object.keys(spec['x-jamf-classic-resources'])
  .filter((resource) => {
    const candidate = classic[resource] as Partial<Lifecycle> | undefined;
    return (
      ['list', 'create', 'get', 'update', 'delete'].every(
        (method) => typeof candidate?.[method as keyof Lifecycle] === 'function',
      ) &&
      hasWholeLifecycle(resource) &&
      named(resource, 'x') !== undefined
    );
  })
  .sort();

describe('every Classic resource with a whole lifecycle, against the mock', () => {
  it('covers the resources users script most', () => {
    expect(lifecycles).toEqual(
      expect.arrayContaining([
        'advancedcomputersearches',
        'categories',
        'computerextensionattributes',
        'macapplications',
        'mobiledeviceconfigurationprofiles',
        'networksegments',
        'policies',
        'printers',
        'scripts',
        'usergroups',
        'users',
      ]),
    );
  });

  it.each(lifecycles.map((resource) => [resource]))(
    '%s: create, list, get by id and name, rename, delete',
    async (resource) => {
      const api = client() as unknown as Record<string, Lifecycle>;
      const resourceClient = api[resource]!;
      const name = `Sweep ${resource} <1> & co`;
      const id = await resourceClient.create(named(resource, name)!);
      expect(id).toBeGreaterThan(0);
      expect((await resourceClient.list()).some((item) => item.id === id)).toBe(true);
      expect(nameOf(await resourceClient.get({ id }))).toBe(name);
      expect(nameOf(await resourceClient.get({ name }))).toBe(name);
      const renamed = `${name} renamed`;
      expect(await resourceClient.update({ id }, named(resource, renamed)!)).toBe(id);
      expect(nameOf(await resourceClient.get({ id }))).toBe(renamed);
      await resourceClient.delete({ id });
      const gone = await resourceClient.get({ id }).catch((error: unknown) => error);
      expect(gone).toBeInstanceOf(ClassicApiError);
      expect(gone).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    },
  );
});
