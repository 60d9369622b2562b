import type { Entity } from './entity-store.js';

/** A department (Pro `/v1/departments`, Classic `departments`). */
export type Department = Entity;

const NAMES = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'Support',
  'Legal',
  'Design',
  'Operations',
];

/** Generates `count` departments with unique names. */
export function generateDepartments(count: number): Omit<Department, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const base = NAMES[i % NAMES.length] as string;
    return { name: i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}` };
  });
}
