/** IPv4 arithmetic for the simulated Cyclades networks (pools, gateways). */

/** `a.b.c.d` → 32-bit number, or undefined when it is not a dotted quad. */
export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** An IPv4 CIDR: network address, prefix length, first and last host. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
  readonly first: number;
  readonly last: number;
}

/** Parses `a.b.c.d/n` (IPv4, n between 8 and 30); undefined when it is not one. */
export function parseCidr(cidr: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const ip = ipToNumber(m[1]!);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix < 8 || prefix > 30) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const base = (ip & mask) >>> 0;
  const broadcast = (base | (~mask >>> 0)) >>> 0;
  return { base, prefix, first: base + 1, last: broadcast - 1 };
}

export function inCidr(ip: number, cidr: Cidr): boolean {
  return ip >= cidr.first && ip <= cidr.last;
}
