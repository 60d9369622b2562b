import type { Route } from '../route.js';
import { classicError } from './classic-error.js';
import { classicResponse, readClassicXml } from './classic-format.js';
import { guarded, xmlText } from './classic-resource.js';

const ACTIVATION_CODE = { privilegeObjects: ['Activation Code'] };

/**
 * Classic `activationcode`: `GET` reads the organisation name and code, `PUT` changes either
 * (`Read`/`Update Activation Code`). The same record Pro's `/v1/activation-code` writes.
 */
export function classicActivationCodeRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/JSSResource/activationcode',
      handle: guarded(ACTIVATION_CODE, 'GET', (ctx) =>
        classicResponse(ctx.request, 'activation_code', {
          organization_name: ctx.state.activationCode.organizationName,
          code: ctx.state.activationCode.code,
        }),
      ),
    },
    {
      method: 'PUT',
      path: '/JSSResource/activationcode',
      handle: guarded(ACTIVATION_CODE, 'PUT', async (ctx) => {
        const read = await readClassicXml(ctx.request, 'activation_code', ctx.maxBodyBytes);
        if ('error' in read) return read.error;
        const organizationName = xmlText(read.value, 'organization_name');
        const code = xmlText(read.value, 'code');
        if (organizationName === '' || code === '')
          return classicError(409, 'Organization name and code may not be empty');
        if (organizationName !== undefined)
          ctx.state.activationCode.organizationName = organizationName;
        if (code !== undefined) ctx.state.activationCode.code = code;
        return classicResponse(ctx.request, 'activation_code', {}, 201);
      }),
    },
  ];
}
