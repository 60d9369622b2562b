import { ClassicApiError } from './errors.js';
import { type ClassicResourceTypes, classicResourceTable } from './generated/resources.js';
import type { ClassicRequest } from './request.js';

type Table = typeof classicResourceTable;

/** Name of every Classic resource the typed client offers, e.g. `computers`, `computergroups`. */
export type ClassicResourceName = keyof Table & keyof ClassicResourceTypes;

/** The object type of a resource, e.g. `ClassicObject<'categories'>` = `{ id?, name, priority? }`. */
export type ClassicObject<R extends ClassicResourceName> = ClassicResourceTypes[R]['object'];

/** One entry of a resource's list, e.g. `{ id, name }` for `computers`. */
export type ClassicListItem<R extends ClassicResourceName> = ClassicResourceTypes[R]['listItem'];

/** Every property optional at every depth: what an update may send. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

type Lookups<R extends ClassicResourceName> = Table[R] extends { lookups: infer L } ? L : never;

/** Lookup keys of resource `R` that answer HTTP `M` (lower case). */
type LookupKeys<R extends ClassicResourceName, M extends string> = {
  [K in keyof Lookups<R>]: Lookups<R>[K] extends { methods: readonly (infer Ms)[] }
    ? M extends Ms
      ? K
      : never
    : never;
}[keyof Lookups<R>] &
  string;

/** How to find one object: `{ id }`, `{ name }`, `{ serialnumber }`, `{ udid }` or `{ macaddress }`. */
export type ClassicLookup<K extends string> = K extends unknown
  ? { [P in K]: P extends 'id' ? number : string }
  : never;

type ListMethods<R extends ClassicResourceName> = Table[R] extends { list: object }
  ? {
      /** Lists every object (`GET /<resource>`): ids and names. */ list(): Promise<
        ClassicListItem<R>[]
      >;
    }
  : unknown;

type GetMethods<R extends ClassicResourceName> = [LookupKeys<R, 'get'>] extends [never]
  ? unknown
  : {
      /** Reads one object. */ get(
        lookup: ClassicLookup<LookupKeys<R, 'get'>>,
      ): Promise<ClassicObject<R>>;
    };

type CreateMethods<R extends ClassicResourceName> =
  'id' extends LookupKeys<R, 'post'>
    ? {
        /** Creates an object (`POST …/id/0`) and returns the id Jamf gave it. */ create(
          object: ClassicObject<R>,
        ): Promise<number>;
      }
    : unknown;

type UpdateMethods<R extends ClassicResourceName> = [LookupKeys<R, 'put'>] extends [never]
  ? unknown
  : {
      /** Updates the elements sent (omitted elements stay as they are); returns the object's id. */
      update(
        lookup: ClassicLookup<LookupKeys<R, 'put'>>,
        changes: DeepPartial<ClassicObject<R>>,
      ): Promise<number>;
    };

type DeleteMethods<R extends ClassicResourceName> = [LookupKeys<R, 'delete'>] extends [never]
  ? unknown
  : {
      /** Deletes one object. */ delete(
        lookup: ClassicLookup<LookupKeys<R, 'delete'>>,
      ): Promise<void>;
    };

type SingletonMethods<R extends ClassicResourceName> = Table[R] extends {
  singleton: { methods: readonly (infer Ms)[] };
}
  ? ('get' extends Ms
      ? { /** Reads the settings object. */ get(): Promise<ClassicObject<R>> }
      : unknown) &
      ('put' extends Ms
        ? {
            /** Updates the settings object. */ update(
              changes: DeepPartial<ClassicObject<R>>,
            ): Promise<void>;
          }
        : unknown)
  : unknown;

/** The typed methods of one resource, only those Jamf's swagger offers for it. */
export type ClassicResourceClient<R extends ClassicResourceName> = ListMethods<R> &
  GetMethods<R> &
  CreateMethods<R> &
  UpdateMethods<R> &
  DeleteMethods<R> &
  SingletonMethods<R>;

interface LookupFacts {
  path: string;
  param: string;
  methods: readonly string[];
}

interface ResourceFacts {
  segment: string;
  root: string;
  list?: { path: string; root: string };
  lookups: Record<string, LookupFacts>;
  singleton?: { path: string; methods: readonly string[] };
}

/** Builds the runtime object behind `classic.<resource>`. */
export function createResourceClient<R extends ClassicResourceName>(
  name: R,
  request: ClassicRequest,
): ClassicResourceClient<R> {
  const facts = classicResourceTable[name] as unknown as ResourceFacts;
  // The generic `request` is typed per path; here the path is data, so call it loosely.
  const call = request as unknown as (
    method: string,
    path: string,
    options?: { params?: { path: Record<string, unknown> }; body?: unknown; root?: string },
  ) => Promise<unknown>;

  const lookupPath = (lookup: Record<string, unknown>, method: string) => {
    if (typeof lookup !== 'object' || lookup === null) {
      throw new ClassicApiError(
        'INVALID_REQUEST',
        `${name}: a lookup is an object such as { id: 1 } or { name: 'x' }`,
      );
    }
    const key = Object.keys(facts.lookups).find(
      (candidate) =>
        lookup[candidate] !== undefined && facts.lookups[candidate]?.methods.includes(method),
    );
    const found = key === undefined ? undefined : facts.lookups[key];
    if (key === undefined || found === undefined) {
      throw new ClassicApiError(
        'UNKNOWN_RESOURCE',
        `${name} cannot be addressed by ${Object.keys(lookup).join(', ') || 'nothing'} for ${method.toUpperCase()}`,
      );
    }
    return { path: found.path, params: { path: { [found.param]: lookup[key] } } };
  };

  const client: Record<string, unknown> = {};
  if (facts.list) {
    const list = facts.list;
    client.list = async () => {
      const body = (await call('GET', list.path)) as Record<string, unknown> | undefined;
      const items = body?.[list.root];
      return Array.isArray(items) ? items : [];
    };
  }
  if (facts.singleton) {
    const singleton = facts.singleton;
    client.get = async () => unwrap(await call('GET', singleton.path), facts.root, name);
    client.update = async (changes: unknown) => {
      checkWriteBody(changes, name, 'update');
      await call('PUT', singleton.path, { body: changes, root: facts.root });
    };
    return client as ClassicResourceClient<R>;
  }
  client.get = async (lookup: Record<string, unknown>) => {
    const { path, params } = lookupPath(lookup, 'get');
    return unwrap(await call('GET', path, { params }), facts.root, name);
  };
  client.create = async (object: unknown) => {
    checkWriteBody(object, name, 'create');
    const { path, params } = lookupPath({ id: 0 }, 'post');
    return createdId(await call('POST', path, { params, body: object, root: facts.root }), name);
  };
  client.update = async (lookup: Record<string, unknown>, changes: unknown) => {
    checkWriteBody(changes, name, 'update');
    const { path, params } = lookupPath(lookup, 'put');
    return createdId(await call('PUT', path, { params, body: changes, root: facts.root }), name);
  };
  client.delete = async (lookup: Record<string, unknown>) => {
    const { path, params } = lookupPath(lookup, 'delete');
    await call('DELETE', path, { params });
  };
  return client as ClassicResourceClient<R>;
}

/** A write sends an object (or XML text you wrote); anything else would send an empty element. */
function checkWriteBody(body: unknown, name: string, method: string): void {
  if (
    typeof body === 'string' ||
    (typeof body === 'object' && body !== null && !Array.isArray(body))
  ) {
    return;
  }
  throw new ClassicApiError(
    'INVALID_REQUEST',
    `${name}.${method}() takes an object (or an XML string), got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`,
  );
}

function unwrap(body: unknown, root: string, name: string): unknown {
  if (body !== null && typeof body === 'object' && root in body)
    return (body as Record<string, unknown>)[root];
  throw new ClassicApiError('INVALID_RESPONSE', `A ${name} read did not answer a <${root}> object`);
}

function createdId(body: unknown, name: string): number {
  const id =
    body !== null && typeof body === 'object' ? Number((body as { id?: unknown }).id) : Number.NaN;
  if (!Number.isInteger(id)) {
    throw new ClassicApiError(
      'INVALID_RESPONSE',
      `Jamf did not answer the id of the ${name} object it wrote`,
    );
  }
  return id;
}
