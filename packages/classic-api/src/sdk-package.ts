import type { SdkPackage } from '@jamf/core';

/** Replaced by the package's version when the package is built (see tsup.package.ts). */
declare const __JAMF_PACKAGE_VERSION__: string | undefined;

/** This package as its `User-Agent` names it. */
export const CLASSIC_API_PACKAGE: SdkPackage = {
  name: '@jamf/classic-api',
  version: typeof __JAMF_PACKAGE_VERSION__ === 'string' ? __JAMF_PACKAGE_VERSION__ : '0.0.0-dev',
};
