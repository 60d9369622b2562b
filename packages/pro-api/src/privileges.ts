export { leastPrivileges, UnknownOperationError } from './least-privileges.js';
export type {
  OperationKey,
  OperationObject,
  OperationRef,
  PrivilegedPath,
} from './required-privileges.js';
export { requiredPrivileges } from './required-privileges.js';
