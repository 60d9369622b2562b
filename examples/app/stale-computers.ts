import { type ProClient, paginate } from '@jamf/pro-api';
import { rsql } from '@jamf/pro-api/rsql';

/** A computer that has not reported to Jamf Pro recently. */
export interface StaleComputer {
  id: string;
  name: string;
  lastContact: string;
}

/**
 * The app under test in `test/stale-computers.test.ts`: lists computers whose last contact is
 * before `cutoff`, using Jamf's RSQL filter so the server does the selection.
 */
export async function staleComputers(jamf: ProClient, cutoff: Date): Promise<StaleComputer[]> {
  const stale: StaleComputer[] = [];
  for await (const computer of paginate(jamf, '/v1/computers-inventory', {
    params: {
      query: { section: ['GENERAL'], filter: String(rsql.lt('general.lastContactTime', cutoff)) },
    },
  })) {
    stale.push({
      id: computer.id ?? '',
      name: computer.general?.name ?? '',
      lastContact: computer.general?.lastContactTime ?? '',
    });
  }
  return stale;
}
