const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Whether a host name is this machine by its literal form alone: an IPv4 literal in
 * 127.0.0.0/8, `localhost`, or the IPv6 literal `::1` (with or without brackets).
 * Use it to decide whether plain `http://` keeps traffic off the network; no name is resolved, so
 * `127.attacker.example` and `localhost.evil.com` are not loopback.
 *
 * @example
 * isLoopbackHost(new URL('http://127.0.0.1:8080').hostname); // true
 * isLoopbackHost('localhost.evil.com'); // false
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = IPV4_LOOPBACK.exec(host);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}
