/**
 * A short HMAC-SHA-256 of `parts` keyed by `secret` (hex, 128 bits): it binds a store key to the
 * credential without putting the secret, or an unkeyed hash of it, into the key. Web Crypto only,
 * so it runs wherever the core does.
 */
export async function credentialFingerprint(
  secret: string,
  parts: readonly string[],
): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, encoder.encode(parts.join('\n'))),
  );
  return Array.from(mac.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
