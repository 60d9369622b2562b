export { type MainOptions, main } from './cli.js';
export {
  type DeprecationChange,
  type DocumentLabel,
  diffSpecs,
  formatDiff,
  isEmptyDiff,
  type OperationRef,
  type ParameterChange,
  type PrivilegeChange,
  type SpecDiff,
} from './diff.js';
export { distil, type Provenance } from './distil.js';
export { generatedBanner, generateTypes } from './generate-types.js';
export {
  type LoadedSchema,
  type LoadSchemaOptions,
  loadSchema,
  SchemaLoadError,
} from './load-schema.js';
export {
  HTTP_METHODS,
  type HttpMethod,
  listOperations,
  type OperationFacts,
} from './operations.js';
export { applyOverlays, loadOverlays, type Overlay, OverlayError } from './overlays.js';
export { stableStringify } from './stable-json.js';
export { type CodegenTarget, readRepoInput, type TargetContext, TargetError } from './target.js';
export { targets } from './targets.js';
