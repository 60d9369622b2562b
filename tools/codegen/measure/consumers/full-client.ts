// One call per area through the whole-API client: `tsc` loads every path's types.
import { createProClient } from '@jamf/pro-api';

const jamf = createProClient({ baseUrl: 'https://tenant.example.com' });

export async function run(): Promise<number> {
  const inventory = await jamf.GET('/v1/computers-inventory', {
    params: { query: { section: ['GENERAL'], 'page-size': 100 } },
  });
  const role = await jamf.POST('/v1/api-roles', {
    body: { displayName: 'Inventory reader', privileges: ['Read Computers'] },
  });
  return (inventory.data?.totalCount ?? 0) + Number(role.data?.id ?? 0);
}
