import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createConsumerProject } from './consumer-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The consumer project the tarballs are installed in. */
    consumerDir: string;
  }
}

/** Packs and installs once for every test file; removes the consumer project afterwards. */
export default function setup(project: TestProject): () => void {
  const { dir } = createConsumerProject();
  project.provide('consumerDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
