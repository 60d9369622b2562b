/**
 * Type-level tests: this file is never run, only checked by `tsc` (the package's `typecheck`).
 * Each call must compile; each `@ts-expect-error` must really be an error.
 */
import { expectTypeOf } from 'vitest';
import {
  createProClient as createAreaClient,
  paginate as paginateArea,
} from '../src/generated/entries/computer-inventory.js';
import { createProClient, paginate, type Schema } from '../src/index.js';

export async function computersInventory() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  const { data } = await jamf.GET('/v1/computers-inventory', {
    params: {
      query: {
        section: ['GENERAL', 'HARDWARE'],
        page: 0,
        'page-size': 100,
        sort: ['general.name:asc'],
        filter: 'general.name=="Lab*"',
      },
    },
  });
  expectTypeOf(data?.results?.[0]?.general?.name).toEqualTypeOf<string | undefined>();

  // @ts-expect-error: not a section Jamf knows
  await jamf.GET('/v1/computers-inventory', { params: { query: { section: ['GENERALS'] } } });
  // @ts-expect-error: the parameter is `page-size`, not `pageSize`
  await jamf.GET('/v1/computers-inventory', { params: { query: { pageSize: 100 } } });
}

export async function apiRolesCrud() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com/api/' });
  const list = await jamf.GET('/v1/api-roles', { params: { query: { filter: 'id>10' } } });
  expectTypeOf(list.data?.results).toEqualTypeOf<Schema<'ApiRole'>[] | undefined>();

  const created = await jamf.POST('/v1/api-roles', {
    body: { displayName: 'Inventory readers', privileges: ['Read Computers'] },
  });
  const id = created.data?.id ?? '';
  await jamf.GET('/v1/api-roles/{id}', { params: { path: { id } } });
  await jamf.PUT('/v1/api-roles/{id}', {
    params: { path: { id } },
    body: { displayName: 'Inventory readers', privileges: ['Read Computers'] },
  });
  await jamf.DELETE('/v1/api-roles/{id}', { params: { path: { id } } });

  // @ts-expect-error: `name` is not a field of an API role (it is `displayName`)
  await jamf.POST('/v1/api-roles', { body: { name: 'x', privileges: [] } });
  // @ts-expect-error: `privileges` is required
  await jamf.POST('/v1/api-roles', { body: { displayName: 'x' } });
  // @ts-expect-error: the path parameter is `id`
  await jamf.GET('/v1/api-roles/{id}', { params: { path: { roleId: '1' } } });
  // @ts-expect-error: the path parameter is required
  await jamf.DELETE('/v1/api-roles/{id}', {});
}

export async function apiRolePrivileges() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  const all = await jamf.GET('/v1/api-role-privileges');
  expectTypeOf(all.data?.privileges).toEqualTypeOf<string[] | undefined>();
  await jamf.GET('/v1/api-role-privileges/search', {
    params: { query: { name: 'Computers', limit: '15' } },
  });
  // @ts-expect-error: `name` is required by the search
  await jamf.GET('/v1/api-role-privileges/search', { params: { query: { limit: '15' } } });
}

export async function apiIntegrationsCrud() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  await jamf.GET('/v1/api-integrations', { params: { query: { 'page-size': 10 } } });
  const created = await jamf.POST('/v1/api-integrations', {
    body: {
      displayName: 'Inventory sync',
      authorizationScopes: ['Inventory readers'],
      accessTokenLifetimeSeconds: 300,
      enabled: true,
    },
  });
  const id = String(created.data?.id ?? '');
  await jamf.GET('/v1/api-integrations/{id}', { params: { path: { id } } });
  await jamf.PUT('/v1/api-integrations/{id}', {
    params: { path: { id } },
    body: { displayName: 'Inventory sync', authorizationScopes: [] },
  });
  const credentials = await jamf.POST('/v1/api-integrations/{id}/client-credentials', {
    params: { path: { id } },
  });
  expectTypeOf(credentials.data).toEqualTypeOf<Schema<'OAuthClientCredentials'> | undefined>();
  await jamf.DELETE('/v1/api-integrations/{id}', { params: { path: { id } } });

  await jamf.POST('/v1/api-integrations', {
    // @ts-expect-error: the field is `authorizationScopes`
    body: { displayName: 'x', scopes: [] },
  });
  // @ts-expect-error: client credentials are created with POST, not GET
  await jamf.GET('/v1/api-integrations/{id}/client-credentials', { params: { path: { id } } });
}

export async function paginatedPaths() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  for await (const computer of paginate(jamf, '/v1/computers-inventory', {
    params: { query: { section: ['GENERAL'], sort: ['id:asc'], filter: 'id>0' } },
  })) {
    expectTypeOf(computer).toEqualTypeOf<Schema<'ComputerInventory'>>();
  }
  // A wrong path is a plain "not assignable to PaginatedPath<paths>" error, not TS2589.
  // @ts-expect-error: no such path
  paginate(jamf, '/v1/api-rolez');
  // @ts-expect-error: this list is not paged
  paginate(jamf, '/v1/api-role-privileges');
  // @ts-expect-error: paginate sets `page` itself
  paginate(jamf, '/v1/computers-inventory', { params: { query: { page: 3 } } });
  // @ts-expect-error: the parameter is `section`
  paginate(jamf, '/v1/computers-inventory', { params: { query: { sections: ['GENERAL'] } } });
}

export async function unknownPaths() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  // An unknown path is an error naming the closest real paths (test/unknown-path.test.ts pins the
  // text), with one argument or two, and never TS2589 ("excessively deep").
  // @ts-expect-error: did you mean '/v1/computers-inventory'?
  await jamf.GET('/v1/computers-inventry');
  // @ts-expect-error: did you mean '/v1/computers-inventory'?
  await jamf.GET('/v1/computers-inventry', { params: { query: { section: ['GENERAL'] } } });
  // @ts-expect-error: API roles are under /v1
  await jamf.POST('/v2/api-roles', { body: { displayName: 'x', privileges: [] } });

  const area = createAreaClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  const { data } = await area.GET('/v1/computers-inventory', {
    params: { query: { section: ['GENERAL'] } },
  });
  expectTypeOf(data?.totalCount).toEqualTypeOf<number | undefined>();
  // @ts-expect-error: not in this area either
  await area.GET('/v1/computers-inventry');
  for await (const computer of paginateArea(area, '/v1/computers-inventory')) {
    expectTypeOf(computer.general?.name).toEqualTypeOf<string | undefined>();
  }
  // The main entry's paginate takes an area client too.
  for await (const computer of paginate(area, '/v1/computers-inventory')) {
    expectTypeOf(computer.id).toEqualTypeOf<string | undefined>();
  }
}

export async function answersThatAreNotJson() {
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  const script = await jamf.GET('/v1/scripts/{id}/download', { params: { path: { id: '1' } } });
  expectTypeOf(script.data).toEqualTypeOf<Blob | undefined>();
  const template = await jamf.GET('/v1/inventory-preload/csv-template');
  expectTypeOf(template.data).toEqualTypeOf<string | undefined>();
  const asText = await jamf.GET('/v1/scripts/{id}/download', {
    params: { path: { id: '1' } },
    parseAs: 'text',
  });
  expectTypeOf(asText.data).toEqualTypeOf<string | undefined>();
  const area = createAreaClient({ baseUrl: 'https://tenant.jamfcloud.com' });
  const attachment = await area.GET('/v1/computers-inventory/{id}/attachments/{attachmentId}', {
    params: { path: { id: '1', attachmentId: '2' } },
  });
  expectTypeOf(attachment.data).toEqualTypeOf<Blob | undefined>();
}
