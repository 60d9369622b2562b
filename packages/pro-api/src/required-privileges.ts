import { requiredPrivilegesTable } from './generated/privileges.js';

/**
 * The privileges each Jamf Pro API operation requires, by path (relative to `/api`) and
 * lower-case method, as Jamf's schema declares them in `x-required-privileges`.
 *
 * @example
 * requiredPrivileges['/v1/api-roles'].get; // ['Read API Roles']
 */
export const requiredPrivileges = requiredPrivilegesTable;

type Table = typeof requiredPrivilegesTable;

/** A path of the Jamf Pro API that declares required privileges. */
export type PrivilegedPath = keyof Table;

/** An operation written as `'<METHOD> <path>'`, e.g. `'GET /v1/computers-inventory'`. */
export type OperationKey = {
  [P in keyof Table]: `${Uppercase<keyof Table[P] & string>} ${P & string}`;
}[keyof Table];

/** An operation given as `{ method, path }`; the method in either case. */
export type OperationObject = {
  [P in keyof Table]: {
    method: Uppercase<keyof Table[P] & string> | (keyof Table[P] & string);
    path: P;
  };
}[keyof Table];

/** An operation, as `'GET /v1/computers-inventory'` or `{ method: 'GET', path: '…' }`. */
export type OperationRef = OperationKey | OperationObject;
