import type { Entity } from './inventory/entity-store.js';

/**
 * A macOS configuration profile as the Classic API keeps it (`/JSSResource/osxconfigurationprofiles`;
 * the Pro API has no such resource). `payloads` is the profile's plist, kept as text.
 */
export interface MacosConfigurationProfile extends Entity {
  description: string;
  /** Category id; -1 for none. */
  categoryId: number;
  distributionMethod: 'Install Automatically' | 'Make Available in Self Service';
  userRemovable: boolean;
  level: 'computer' | 'user' | 'System' | 'User';
  uuid: string;
  redeployOnUpdate: 'Newly Assigned' | 'All';
  payloads: string;
  allComputers: boolean;
  computerIds: number[];
  computerGroupIds: number[];
}

/** The profiles a fresh mock starts with: two, so lists and lookups have something to find. */
export function seedMacosConfigurationProfiles(): Omit<MacosConfigurationProfile, 'id'>[] {
  return [
    ['Wi-Fi', '7B4D3C1E-0000-4000-8000-000000000001'],
    ['Security and Privacy', '7B4D3C1E-0000-4000-8000-000000000002'],
  ].map(([name = '', uuid = '']) => ({
    name,
    uuid,
    description: '',
    categoryId: -1,
    distributionMethod: 'Install Automatically',
    userRemovable: false,
    level: 'computer',
    redeployOnUpdate: 'Newly Assigned',
    payloads: '',
    allComputers: false,
    computerIds: [],
    computerGroupIds: [],
  }));
}
