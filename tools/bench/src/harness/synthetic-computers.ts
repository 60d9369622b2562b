/**
 * Computer-inventory records shaped like Jamf's (`general`, `hardware`, …) for benchmarks that
 * need realistic bodies without the mock server. Deterministic: record `i` is always the same.
 */
export function syntheticComputer(index: number): Record<string, unknown> {
  const id = String(index + 1);
  const hex = (index + 1).toString(16).padStart(12, '0');
  return {
    id,
    udid: `00000000-0000-4000-8000-${hex}`,
    general: {
      name: `Mac-${id.padStart(5, '0')}`,
      lastIpAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      platform: 'Mac',
      reportDate: '2026-11-20T10:15:30.000Z',
      lastContactTime: '2026-11-23T08:00:00.000Z',
      remoteManagement: { managed: true },
      supervised: true,
      site: { id: '-1', name: 'None' },
    },
    hardware: {
      make: 'Apple',
      model: 'MacBook Pro (14-inch, 2023)',
      modelIdentifier: 'Mac14,9',
      serialNumber: `C02${hex.slice(-7).toUpperCase()}`,
      processorType: 'Apple M2 Pro',
      totalRamMegabytes: 16384,
    },
    operatingSystem: { name: 'macOS', version: '15.1.1', build: '24B91' },
    userAndLocation: {
      username: `user${id}`,
      realname: `User ${id}`,
      email: `user${id}@example.test`,
    },
  };
}

/** One page of Jamf's `{ totalCount, results }` list over `totalCount` synthetic computers. */
export function computerPage(totalCount: number, page: number, pageSize: number): string {
  const start = page * pageSize;
  const end = Math.min(totalCount, start + pageSize);
  const results = [];
  for (let i = start; i < end; i++) results.push(syntheticComputer(i));
  return JSON.stringify({ totalCount, results });
}
