import type { Entity } from './entity-store.js';
import type { SeededRandom } from './seeded-random.js';

/** A building (Pro `/v1/buildings`, Classic `buildings`). */
export interface Building extends Entity {
  streetAddress1: string;
  streetAddress2: string;
  city: string;
  stateProvince: string;
  zipPostalCode: string;
  country: string;
}

const CITIES = [
  'Minneapolis',
  'Eau Claire',
  'Amsterdam',
  'Katowice',
  'Tokyo',
  'Sydney',
  'Austin',
  'Cupertino',
];

/** Generates `count` buildings with unique names. */
export function generateBuildings(random: SeededRandom, count: number): Omit<Building, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const city = CITIES[i % CITIES.length] as string;
    return {
      name: `${city} Office ${i + 1}`,
      streetAddress1: `${random.int(1, 999)} Main Street`,
      streetAddress2: '',
      city,
      stateProvince: '',
      zipPostalCode: String(random.int(10000, 99999)),
      country: '',
    };
  });
}
