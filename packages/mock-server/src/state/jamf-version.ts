/**
 * A Jamf Pro version as `/v1/jamf-pro-version` reports it, optionally with its build
 * (`11.25.2`, `11.25.2-t1772925731845`): the one check of the `jamfProVersion` option and of
 * the CLI's `--jamf-version`.
 */
export const JAMF_VERSION = /^\d+\.\d+\.\d+(-t\d+)?$/;
