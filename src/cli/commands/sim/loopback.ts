import { isIP } from 'node:net';

/**
 * Whether binding `host` keeps a server on this machine: `localhost`, 127.0.0.0/8, `::1` (also
 * written in full or IPv4-mapped). Anything else (`0.0.0.0`, `::`, a LAN address, another name)
 * may be reachable from the network.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) {
    // The URL parser writes an IPv6 address canonically: `::1`, and `::ffff:7f00:1` for 127.0.0.1.
    const canonical = new URL(`http://[${h}]`).hostname.slice(1, -1);
    return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
  }
  return false;
}
