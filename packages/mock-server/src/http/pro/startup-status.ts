import { jsonResponse } from '../responses/json-response.js';
import type { Route } from '../route.js';

/**
 * `GET /startup-status` of a server that has finished starting: step code
 * `SERVER_INIT_COMPLETE` (the last of the spec's `StartupStatus.stepCode` values), 100 %, and no
 * setup assistant to run. The warning and error fields are left out: the schema requires none of
 * them, and a null code is outside the schema's enums. Clients poll it, without a token
 * (`x-authentication-required: false`), to learn that a server is up: go-api-sdk-jamfpro's
 * initialization recipe waits for `stepCode == "SERVER_INIT_COMPLETE"`
 * (`recipes/jamf_pro_initialization_server/InitializeAndcheckStatus.go`), and initializer scripts
 * run the setup when `setupAssistantNecessary` is true. The spec responder's generated record
 * (a random step, an error code, `percentage` 983) told them the server had failed. The `step`
 * text and the left-out fields are unverified.
 */
export function startupStatusRoute(): Route {
  return {
    method: 'GET',
    path: '/startup-status',
    handle: () =>
      jsonResponse({
        step: 'SERVER_INIT_COMPLETE',
        stepCode: 'SERVER_INIT_COMPLETE',
        percentage: 100,
        setupAssistantNecessary: false,
      }),
  };
}
