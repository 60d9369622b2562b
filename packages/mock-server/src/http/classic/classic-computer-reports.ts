import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { ClassicObject } from '../../state/classic-objects.js';
import type { Route, RouteContext } from '../route.js';
import {
  advancedComputerSearchResults,
  classicAdvancedComputerSearches,
} from './classic-advanced-computer-searches.js';
import { classicResponse } from './classic-format.js';
import {
  type ClassicResource,
  classicNotFound,
  findClassicRow,
  guarded,
} from './classic-resource.js';

/**
 * Classic `computerreports` (read only: `GET /computerreports`, `/id/{id}`, `/name/{name}`, the
 * Classic swagger's three operations): each saved advanced computer search as a report, under
 * the search's id and name. A report is the search's results, one `Computer` element per
 * computer with `id` and the display fields' values (the schema `computer_report`; the
 * `name`/`udid` the search also answers are left out here, unverified). One report's root is
 * `computer_reports`, the list's name, as that schema's XML name says (python-jamf's
 * `ComputerReport` reads it so: `singular_string`, records.py). Reading needs Read
 * Advanced Computer Searches (unverified: Jamf lists no privilege of its own for reports).
 */
export function classicComputerReportRoutes(): Route[] {
  const searches: ClassicResource<ClassicObject> = classicAdvancedComputerSearches();
  const report = (by: string) => (ctx: RouteContext) => {
    const row = findClassicRow(searches, ctx, by);
    if (row === undefined) return classicNotFound();
    const computers = advancedComputerSearchResults(row, ctx.state).map(
      ({ name: _name, udid: _udid, ...fields }) => fields,
    );
    return classicResponse(
      ctx.request,
      'computer_reports',
      computers,
      200,
      classicXmlShapes.computer_report,
    );
  };
  return [
    {
      method: 'GET',
      path: '/JSSResource/computerreports',
      handle: guarded(searches, 'GET', (ctx) =>
        classicResponse(
          ctx.request,
          'computer_reports',
          [...searches.store(ctx.state).values()].map((row) => ({ id: row.id, name: row.name })),
          200,
          classicXmlShapes.computer_reports,
        ),
      ),
    },
    ...['id', 'name'].map(
      (by): Route => ({
        method: 'GET',
        path: `/JSSResource/computerreports/${by}/{key}`,
        handle: guarded(searches, 'GET', report(by)),
      }),
    ),
  ];
}
