import { generatedBanner } from './generate-types.js';
import { PRO_SPEC_FILE } from './pro-target.js';
import { type CodegenTarget, readRepoInput, TargetError } from './target.js';

/** Folder of `@jamf/mock-server` that only the generator writes. */
export const MOCK_GENERATED_DIR = 'packages/mock-server/src/generated';

/**
 * The distilled Pro spec as a module the mock server loads at run time. The document is one
 * string literal handed to `JSON.parse`, which keeps `tsc` fast (no 1.4 MB typed literal).
 */
export const mockTarget: CodegenTarget = {
  name: 'mock-server',
  ownedDirs: [MOCK_GENERATED_DIR],
  async build(context) {
    const text = await readRepoInput(context, PRO_SPEC_FILE);
    if (text === undefined) {
      throw new TargetError(
        'INPUT_MISSING',
        `${PRO_SPEC_FILE} is missing; run the pro target first`,
      );
    }
    const spec = JSON.parse(text) as { 'x-jamf-source'?: { jamfProVersion?: string } };
    const version = spec['x-jamf-source']?.jamfProVersion ?? 'unknown';
    const contents = [
      generatedBanner(`The distilled Jamf Pro ${version} spec the mock serves.`),
      '',
      "import type { OpenApiDocument } from '../spec/openapi-document.js';",
      '',
      '/** The distilled Jamf Pro API document (paths relative to `/api`). */',
      `export const proSpec = JSON.parse(${JSON.stringify(JSON.stringify(spec))}) as OpenApiDocument;`,
      '',
    ].join('\n');
    return { [`${MOCK_GENERATED_DIR}/pro-spec.ts`]: contents };
  },
};
