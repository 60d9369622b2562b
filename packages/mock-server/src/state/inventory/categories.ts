import type { Entity } from './entity-store.js';

/** A category (Pro `/v1/categories`, Classic `categories`); priority 1 (highest) to 20. */
export interface Category extends Entity {
  priority: number;
}

const NAMES = [
  'Productivity',
  'Security',
  'Utilities',
  'Developer Tools',
  'Browsers',
  'Communication',
  'Printers',
  'Maintenance',
];

/** Generates `count` categories with unique names. */
export function generateCategories(count: number): Omit<Category, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const base = NAMES[i % NAMES.length] as string;
    return {
      name: i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}`,
      priority: (i % 20) + 1,
    };
  });
}
