import type { MockState } from '../../state/mock-state.js';

/**
 * A policy's `self_service` section with `self_service_icon` (`id`, `filename`, `uri`, the
 * 11.30.1 Classic spec's `policy` schema) naming the icon last uploaded through Classic
 * `fileuploads/policies`, over the section's blanks `section`; `section` alone when none was.
 * jamf-upload reads `self_service/self_service_icon/filename` to skip an icon already uploaded.
 * Unverified: the `uri` (the mock serves no icon bytes, so it is blank).
 */
export function withSelfServiceIcon(
  section: Record<string, unknown>,
  policyId: number,
  state: MockState,
): Record<string, unknown> {
  const icon = state.fileUploads.latest('policies', policyId, 'icon');
  if (icon === undefined) return section;
  return { ...section, self_service_icon: { id: icon.id, filename: icon.fileName, uri: '' } };
}
