/**
 * The server's activation code and the organisation it is registered to: one record that the
 * Classic `/activationcode` and the Pro `/v1/activation-code` endpoints read and write.
 */
export interface ActivationCode {
  organizationName: string;
  code: string;
}

/** The activation code of a fresh mock (a made-up code in Jamf's format). */
export function defaultActivationCode(): ActivationCode {
  return {
    organizationName: 'Jamf Mock Organization',
    code: 'MOCK-0000-0000-0000-0000-0000-0000-0000',
  };
}
