/**
 * Compile-time checks of the typed surface; `pnpm typecheck` fails when a wrong call compiles
 * (an unused `@ts-expect-error`) or a right one does not. Never run.
 */
import { type ClassicObject, createClassicClient } from '../src/index.js';

export async function typedCalls(): Promise<void> {
  const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com' });

  const computer = await classic.computers.get({ id: 1 });
  const serial: string | undefined = computer.general?.serial_number;
  await classic.computers.get({ serialnumber: 'C02XYZ' });
  await classic.computers.get({ udid: '55900BDC-347C-58B1-D249-F32244B11D30' });
  await classic.computers.get({ name: 'Lab Mac' });
  // @ts-expect-error ids are numbers
  await classic.computers.get({ id: '1' });
  // @ts-expect-error computers have no lookup by email
  await classic.computers.get({ email: 'a@b.c' });
  // @ts-expect-error the swagger offers no PUT by serial number
  await classic.computers.update({ serialnumber: 'C02XYZ' }, { general: { asset_tag: 'A1' } });

  const categoryId: number = await classic.categories.create({ name: 'Utilities', priority: 9 });
  // @ts-expect-error a category needs a name
  await classic.categories.create({ priority: 9 });
  // @ts-expect-error priority is a number
  await classic.categories.create({ name: 'Utilities', priority: 'high' });
  // @ts-expect-error no such field
  await classic.categories.create({ name: 'Utilities', colour: 'red' });
  await classic.categories.update({ id: categoryId }, { priority: 3 });
  await classic.categories.delete({ id: categoryId });
  // @ts-expect-error the swagger deletes categories by id only
  await classic.categories.delete({ name: 'Utilities' });

  const group: ClassicObject<'computergroups'> = {
    name: 'Stale',
    is_smart: true,
    criteria: [
      { name: 'Last Check-in', search_type: 'more than x days ago', value: '30', and_or: 'and' },
    ],
  };
  await classic.computergroups.create(group);
  // @ts-expect-error and_or is "and" | "or"
  await classic.computergroups.create({ name: 'x', is_smart: true, criteria: [{ and_or: 'xor' }] });

  const items = await classic.scripts.list();
  const firstName: string | undefined = items[0]?.name;
  const policy = await classic.policies.get({ id: 7 });
  const frequency: string | undefined = policy.general?.frequency;

  // Read-only resources named after their schema.
  await classic.computerhistory.get({ serialnumber: 'C02XYZ' });
  // @ts-expect-error computer history cannot be written
  await classic.computerhistory.create({});
  const code = await classic.activationcode.get();
  await classic.activationcode.update({ code: code.code ?? '' });

  // Singletons have no lookups.
  await classic.smtpserver.get();
  // @ts-expect-error a singleton is not looked up
  await classic.smtpserver.get({ id: 1 });

  const read = await classic.request('GET', '/computers/id/{id}', { params: { path: { id: 1 } } });
  const name: string | undefined = read.computer.general?.name;
  // @ts-expect-error the path parameter is required
  await classic.request('GET', '/computers/id/{id}');
  // @ts-expect-error no such path
  await classic.request('GET', '/computerz');
  // @ts-expect-error no PATCH in Classic
  await classic.request('PATCH', '/computers');
  const created = await classic.request('POST', '/categories/id/{id}', {
    params: { path: { id: 0 } },
    body: { name: 'Printers' },
  });
  const createdId: number = created.id;
  // @ts-expect-error POST on /computers needs no… it has no POST at all
  await classic.request('POST', '/computers', {});
  await classic.request('DELETE', '/logflush/{log}/interval/{interval}', {
    params: { path: { log: 'policy', interval: '3+months' } },
  });

  void [serial, firstName, frequency, name, createdId];
}
