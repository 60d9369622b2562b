import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';

/** What `GET /JSSResource/jssuser` reports besides the caller's privileges. */
export interface ClassicJssUserOptions {
  /** The Jamf Pro version the mock reports (`/v1/jamf-pro-version`'s, without the build). */
  jamfProVersion: string;
  /** Every privilege name, listed for a caller holding them all (`privileges: 'all'`). */
  privilegeNames: readonly string[];
}

/**
 * The root element. The 11.30.1 Classic spec names it `jss_user`; clients of live servers read
 * the JSON answer's `user` (ruby-jss `api_connection.rb`, `verify_server_version`:
 * `get_rsrc('jssuser')[:user]`; a Python client checking privileges reads
 * `resp.json()['user']`), so the mock answers `user`, in XML too (unverified for XML).
 */
const ROOT = 'user';

/**
 * `GET /JSSResource/jssuser`: the server's product, version and licence and the privileges the
 * calling account or API client holds, names sorted (the full list for an administrator). Any
 * authenticated caller may read it: ruby-jss calls it on connecting, noting it is "readable by
 * anyone with a JSS acct regardless of their permissions". Element names from the spec's
 * `jss_user`; `product` `Jamf Pro`, `license_type` and `institution` values are unverified
 * (`institution` is the activation code's organisation name).
 */
export function classicJssUserRoute(options: ClassicJssUserOptions): Route {
  const version = options.jamfProVersion.replace(/-t\d+$/, '');
  return {
    method: 'GET',
    path: '/JSSResource/jssuser',
    handle: (ctx) => {
      const held = ctx.principal?.privileges() ?? new Set<string>();
      const privileges = held === 'all' ? [...options.privilegeNames] : [...held];
      return classicResponse(
        ctx.request,
        ROOT,
        {
          license_type: 'Commercial',
          product: 'Jamf Pro',
          version,
          institution: ctx.state.activationCode.organizationName,
          privileges: privileges.sort(),
        },
        200,
        classicXmlShapes.jss_user as XmlShape,
      );
    },
  };
}
