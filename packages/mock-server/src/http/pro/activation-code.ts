import { readJsonObject } from '../responses/read-json-body.js';
import type { Route } from '../route.js';

/**
 * Pro's writes of the activation code (`PUT /v1/activation-code`, `PATCH
 * /v1/activation-code/organization-name`, 202 with no body as the spec declares): the record
 * the Classic `/activationcode` reads. The body was validated against the spec before.
 */
export function activationCodeRoutes(): Route[] {
  return [
    {
      method: 'PUT',
      path: '/v1/activation-code',
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        ctx.state.activationCode.code = String(read.body.activationCode);
        return new Response(null, { status: 202 });
      },
    },
    {
      method: 'PATCH',
      path: '/v1/activation-code/organization-name',
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        ctx.state.activationCode.organizationName = String(read.body.organizationName);
        return new Response(null, { status: 202 });
      },
    },
  ];
}
