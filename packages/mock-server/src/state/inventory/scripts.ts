import type { Entity } from './entity-store.js';

/** When a policy runs a script, relative to its other actions. */
export type ScriptPriority = 'BEFORE' | 'AFTER' | 'AT_REBOOT';

/** A script (Pro `/v1/scripts`, Classic `scripts`); `categoryId` -1 means none. */
export interface Script extends Entity {
  info: string;
  notes: string;
  priority: ScriptPriority;
  categoryId: number;
  /** Labels of parameters 4 to 11, in order. */
  parameters: string[];
  osRequirements: string;
  scriptContents: string;
}

/** Generates `count` scripts; categories are picked from ids 1..`categoryCount`. */
export function generateScripts(count: number, categoryCount: number): Omit<Script, 'id'>[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `script-${String(i + 1).padStart(3, '0')}.sh`,
    info: '',
    notes: '',
    priority: 'AFTER',
    categoryId: categoryCount > 0 ? (i % categoryCount) + 1 : -1,
    parameters: [],
    osRequirements: '',
    scriptContents: `#!/bin/sh\necho "script ${i + 1}"\n`,
  }));
}
