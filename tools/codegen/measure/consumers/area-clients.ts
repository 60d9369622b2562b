// The same two calls through the per-area entry points: `tsc` loads only those areas' types.
import { createProClient as apiRoles } from '@jamf/pro-api/areas/api-roles';
import { createProClient as computerInventory } from '@jamf/pro-api/areas/computer-inventory';

const options = { baseUrl: 'https://tenant.example.com' };
const inventoryClient = computerInventory(options);
const rolesClient = apiRoles(options);

export async function run(): Promise<number> {
  const inventory = await inventoryClient.GET('/v1/computers-inventory', {
    params: { query: { section: ['GENERAL'], 'page-size': 100 } },
  });
  const role = await rolesClient.POST('/v1/api-roles', {
    body: { displayName: 'Inventory reader', privileges: ['Read Computers'] },
  });
  return (inventory.data?.totalCount ?? 0) + Number(role.data?.id ?? 0);
}
