import { classicResourceFacts, classicXmlShapes } from '../../generated/classic-resources.js';
import type { Route } from '../route.js';
import { classicResponse, readClassicXml } from './classic-format.js';
import { CLASSIC_PRIVILEGE_OBJECTS } from './classic-privileges.js';
import { guarded } from './classic-resource.js';
import { fromXmlElement, mergeElements, withBlanks, withoutSecrets } from './classic-shape.js';

/**
 * Routes of every Classic singleton the spec describes (`/smtpserver`, `/gsxconnection`,
 * `/computercheckin`, …) and `handModelled` does not serve: one stored object per mock, `GET`
 * reads it (elements never written blank), `PUT` merges the XML into it, each where the spec
 * declares the method and the mock knows its privilege. A `PUT` answers 201 with the empty root
 * element, as the activation code does (unverified for these resources).
 */
export function classicSingletonRoutes(handModelled: ReadonlySet<string>): Route[] {
  const routes: Route[] = [];
  for (const facts of Object.values(classicResourceFacts)) {
    const singleton = facts.singleton;
    const shape = classicXmlShapes[facts.root];
    const privilegeObjects = CLASSIC_PRIVILEGE_OBJECTS[facts.segment];
    if (singleton === undefined || handModelled.has(facts.segment)) continue;
    if (shape === undefined || privilegeObjects === undefined) continue;
    const resource = { privilegeObjects };
    const path = `/JSSResource/${facts.segment}`;
    const key = path;
    if (singleton.methods.includes('get')) {
      routes.push({
        method: 'GET',
        path,
        handle: guarded(resource, 'GET', (ctx) =>
          classicResponse(
            ctx.request,
            facts.root,
            withoutSecrets(
              withBlanks(
                ctx.state.collections.settings(key, () => ({})),
                shape,
              ),
            ),
            200,
            shape,
          ),
        ),
      });
    }
    if (singleton.methods.includes('put')) {
      routes.push({
        method: 'PUT',
        path,
        handle: guarded(resource, 'PUT', async (ctx) => {
          const read = await readClassicXml(ctx.request, facts.root, ctx.maxBodyBytes);
          if ('error' in read) return read.error;
          const written = fromXmlElement(read.value, shape) as Record<string, unknown>;
          const stored = ctx.state.collections.settings(key, () => ({}));
          ctx.state.collections.storeSettings(key, mergeElements(stored, written));
          return classicResponse(ctx.request, facts.root, {}, 201);
        }),
      });
    }
  }
  return routes;
}
