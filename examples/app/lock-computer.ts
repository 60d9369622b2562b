import { type ProClient, unwrap } from '@jamf/pro-api';
import { rsql } from '@jamf/pro-api/rsql';

/** What {@link lockComputer} sent: the command's id and the state Jamf reports for it. */
export interface SentLock {
  commandUuid: string;
  state: string;
}

/**
 * The app under test in `test/lock-computer.test.ts`: finds a computer by serial number, sends it
 * Jamf's DEVICE_LOCK MDM command by its management id, and reads the command's state back.
 * @throws Error when no computer has the serial number
 */
export async function lockComputer(
  jamf: ProClient,
  serialNumber: string,
  pin: string,
): Promise<SentLock> {
  const found = await unwrap(
    jamf.GET('/v1/computers-inventory', {
      params: {
        query: {
          section: ['GENERAL', 'HARDWARE'],
          filter: String(rsql.eq('hardware.serialNumber', serialNumber)),
        },
      },
    }),
  );
  const managementId = found.results?.[0]?.general?.managementId;
  if (managementId === undefined) throw new Error(`No computer has serial number ${serialNumber}`);
  const sent = await unwrap(
    jamf.POST('/v2/mdm/commands', {
      body: { clientData: [{ managementId }], commandData: { commandType: 'DEVICE_LOCK', pin } },
    }),
  );
  const commandUuid = sent[0]?.id ?? '';
  const status = await unwrap(
    jamf.GET('/v2/mdm/commands', {
      params: { query: { filter: String(rsql.eq('uuid', commandUuid)) } },
    }),
  );
  return { commandUuid, state: status.results?.[0]?.commandState ?? 'UNKNOWN' };
}
