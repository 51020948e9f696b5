/**
 * Whether an address is private: RFC 1918 (10/8, 172.16/12, 192.168/16) as py-smartdc decided,
 * plus loopback and IPv6 unique-local (fc00::/7) and link-local (fe80::/10), which py-smartdc
 * counted as public.
 */
export function isPrivateIp(ip: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 10 || a === 127 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
}
