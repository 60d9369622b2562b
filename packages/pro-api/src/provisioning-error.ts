/** The step of `provisionApiClient` that failed. */
export type ProvisioningStep =
  | 'resolve-privileges'
  | 'find-role'
  | 'save-role'
  | 'find-integration'
  | 'save-integration'
  | 'generate-credentials';

/** Thrown by `provisionApiClient`; `step` says how far it got, `cause` why it stopped. */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  /** Stable code of this failure. */
  readonly code = 'PROVISIONING_FAILED';

  constructor(
    /** The step that failed. */
    readonly step: ProvisioningStep,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`provisioning failed at ${step}: ${message}`, options);
  }
}
