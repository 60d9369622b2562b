import { classicTarget } from './classic-target.js';
import { mockTarget } from './mock-target.js';
import { proAreasTarget } from './pro-areas-target.js';
import { proTarget } from './pro-target.js';
import type { CodegenTarget } from './target.js';

/**
 * Every output of `jamf-codegen`, in the order they run. A target may read what an earlier one
 * produced (`readRepoInput`), so put producers before their consumers.
 */
export const targets: readonly CodegenTarget[] = [
  proTarget,
  classicTarget,
  proAreasTarget,
  mockTarget,
];
