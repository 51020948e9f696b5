import { SimError } from '../app.js';
import type { RandomSource } from '../random.js';
import type { SimNetwork, TritonState } from './types.js';

export const ipToInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** Every IP in use on a network (machines' NICs). */
export function usedIps(state: TritonState, network: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const m of state.machines.values()) {
    if (m.state === 'deleted') continue;
    for (const n of m.nics) if (n.network === network) used.set(n.ip, m.id);
  }
  return used;
}

/** The lowest free, unreserved address of a network's provisioning range. */
export function allocateIp(state: TritonState, net: SimNetwork): string {
  const used = usedIps(state, net.id);
  for (let n = ipToInt(net.provision_start_ip); n <= ipToInt(net.provision_end_ip); n++) {
    const ip = intToIp(n);
    if (!used.has(ip) && !net.reserved.has(ip)) return ip;
  }
  throw new SimError(409, 'InvalidArgument', `network ${net.name} has no free address`);
}

/** Netmask of a CIDR subnet. */
export function netmask(subnet: string): string {
  const bits = Number(subnet.split('/')[1] ?? 24);
  return intToIp(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
}

/** A MAC in Joyent's 90:b8:d0 range. */
export function randomMac(random: RandomSource): string {
  return ['90', 'b8', 'd0', ...Array.from(random.bytes(3), (b) => b.toString(16).padStart(2, '0'))].join(':');
}
