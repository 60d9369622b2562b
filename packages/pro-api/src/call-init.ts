import type { HeadersOptions } from 'openapi-fetch';

/** The options of one openapi-fetch call, as far as the client completes or checks them. */
export interface CallInit {
  body?: unknown;
  parseAs?: string;
  headers?: HeadersOptions;
  params?: { header?: unknown; path?: unknown };
  bodySerializer?: unknown;
}
