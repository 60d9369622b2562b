import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { Route } from '../route.js';

/**
 * `GET /api/schema`: the OpenAPI document the mock serves, as a Jamf Pro server publishes its own,
 * so schema tooling (`jamf-codegen --from <url>/api/schema`) can run against the mock.
 */
export function schemaRoute(spec: OpenApiDocument): Route {
  let body: string | undefined;
  return {
    method: 'GET',
    path: '/schema',
    isPublic: true,
    handle: () => {
      body ??= JSON.stringify(spec);
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    },
  };
}
