import type { Route } from '../route.js';
import { specShaped } from './pro-answers.js';

/**
 * `GET /v1/cloud-information`: a Jamf Cloud instance and nothing more. It answered a generated
 * record that was at once a cloud, FedRAMP, GovCloud, high-compliance and MSP instance, which a
 * client choosing how to talk to the server (sticky sessions, JCDS uploads) cannot act on. The
 * field names are the 11.30.1 spec's (`CloudResponse`, a public operation); which instance the
 * mock stands for is its own choice: a standard cloud tenant, the kind the JCDS routes it serves
 * belong to.
 */
export function cloudInformationRoute(): Route {
  return {
    method: 'GET',
    path: '/v1/cloud-information',
    handle: (ctx) =>
      specShaped(ctx, {
        cloudInstance: true,
        rampInstance: false,
        govCloudInstance: false,
        fedRampInstance: false,
        highComplianceInstance: false,
        managedServiceProviderInstance: false,
        fipsEnabled: false,
      }),
  };
}
