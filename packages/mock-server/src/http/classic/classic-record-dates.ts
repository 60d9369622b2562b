/**
 * A moment as Classic inventory records write it in `_utc` elements: ISO 8601 with milliseconds
 * and a `+0000` offset (`2022-12-22T21:31:48.190+0000`; jamf-pro-sdk-python's computer fixture,
 * recorded from a Jamf Pro 10.42.1 server, `tests/unit/models/test_models_classic_computers.py`).
 */
export function classicUtc(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/**
 * A moment as the plain element (`report_date`, `last_contact_time`, `last_inventory_update`)
 * writes it: `yyyy-MM-dd HH:mm:ss` (`"report_date": "2022-12-22 21:31:48"` beside
 * `"report_date_utc": "2022-12-22T21:31:48.190+0000"` in the same fixture; the documented mobile
 * device example in dougpenny/SwiftyJamfPro `ModelTests.swift` has the same form). The fixture's
 * plain and UTC times agree, so the mock writes UTC; which zone a server in another zone uses is
 * unverified.
 */
export function classicPlainDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The three elements Classic writes for one moment: `{name}` (plain, or the date alone when
 * `plain` is `date`, as `initial_entry_date` is: `"2022-08-24"` in the fixture), `{name}_epoch`
 * (ms) and `{name}_utc`. Without a moment: `''`, `0` and `''`, as the fixture's
 * `last_cloud_backup_date_epoch: 0, last_cloud_backup_date_utc: ""` and blank purchasing dates.
 */
export function classicDateElements(
  name: string,
  ms: number | undefined,
  plain: 'date-time' | 'date' | 'none' = 'date-time',
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (plain !== 'none') {
    const text = ms === undefined ? '' : classicPlainDate(ms);
    out[name] = plain === 'date' ? text.slice(0, 10) : text;
  }
  out[`${name}_epoch`] = ms ?? 0;
  out[`${name}_utc`] = ms === undefined ? '' : classicUtc(ms);
  return out;
}
