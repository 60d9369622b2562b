import jsonMergePatch from 'json-merge-patch';
import type { OpenApiDocument, SpecOperation } from '../../spec/openapi-document.js';
import { seedObjects, storedObject } from '../../spec/resource-objects.js';
import { type DerivedSingleton, deriveResources } from '../../spec/resources.js';
import { responseSchemaOf } from '../../spec/responder/conform.js';
import { successStatus } from '../../spec/responder/respond.js';
import type { JsonObject } from '../../state/json-collection.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { concretePath } from '../router.js';
import { specShaped } from './pro-answers.js';
import { settingsDefaults } from './settings-defaults.js';

function routesOf(singleton: DerivedSingleton, document: OpenApiDocument): Route[] {
  const schema = responseSchemaOf(singleton.read, 200);
  const current = (ctx: RouteContext): JsonObject =>
    ctx.state.collections.settings(concretePath(singleton.path, ctx.params), () =>
      storedObject(
        schema,
        {
          ...seedObjects(schema, document, singleton.path, ctx.state.seed, 1)[0],
          ...settingsDefaults(singleton.path, ctx),
        },
        document,
      ),
    );
  const write =
    (operation: SpecOperation, next: (now: JsonObject, body: JsonObject) => unknown) =>
    async (ctx: RouteContext): Promise<Response> => {
      const read = await readJsonObject(ctx.request);
      if ('error' in read) return read.error;
      const stored = storedObject(schema, next(current(ctx), read.body), document);
      ctx.state.collections.storeSettings(concretePath(singleton.path, ctx.params), stored);
      const status = successStatus(operation);
      return status === 204
        ? new Response(null, { status })
        : specShaped(ctx, stored, status, true);
    };
  const routes: Route[] = [
    {
      method: 'GET',
      path: singleton.path,
      handle: (ctx) => specShaped(ctx, current(ctx), 200, true),
    },
  ];
  // PUT keeps every field it names and the rest as they were; PATCH is a JSON merge patch.
  if (singleton.replace)
    routes.push({
      method: 'PUT',
      path: singleton.path,
      handle: write(singleton.replace, (now, body) => ({ ...now, ...body })),
    });
  if (singleton.merge)
    routes.push({
      method: 'PATCH',
      path: singleton.path,
      handle: write(singleton.merge, (now, body) => jsonMergePatch.apply(now, body)),
    });
  return routes;
}

/**
 * Stateful routes for every settings object the spec describes (see `deriveResources`): `GET`
 * answers what was last written (generated defaults before that), `PUT` and `PATCH` change it.
 */
export function settingsRoutes(document: OpenApiDocument): Route[] {
  return deriveResources(document).singletons.flatMap((singleton) => routesOf(singleton, document));
}
