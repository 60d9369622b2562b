export type { RsqlErrorCode } from '@jamf/core';
export { RsqlError } from '@jamf/core';
export type {
  RsqlBuilder,
  RsqlExpression,
  RsqlOperator,
  RsqlPattern,
  RsqlValue,
} from './rsql-builder.js';
export { rsql, rsqlFor } from './rsql-builder.js';
