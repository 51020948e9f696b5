import type { RandomSource } from '../random.js';
import type { SimImage, SimNetwork, SimPackage, TritonState } from './types.js';

// Fixed ids, so docs and tests can name them without listing first.
export const SEED = {
  image: { base: '2f1dc911-6401-4fa4-8e9d-67ea2e39c271', ubuntu: 'a35cb8dc-fc33-4a45-aa0f-1b1eec81d4fb', bhyve: 'e6a3e6e8-7b36-4c39-a6d3-4c0e9f1e2a11' },
  package: { small: '4dad8aa6-2c7c-e20a-be26-c7f4f1925a9a', medium: '5dad8aa6-2c7c-e20a-be26-c7f4f1925a9b', large: '6dad8aa6-2c7c-e20a-be26-c7f4f1925a9c', flexible: '7dad8aa6-2c7c-e20a-be26-c7f4f1925a9d' },
  network: { public: '9ec60129-9034-47b4-b111-3026f9b1a10f', private: '5983940e-58a5-4543-b732-c689b1fe4c08' },
} as const;

function image(id: string, name: string, version: string, os: string, type: string, extra: Partial<SimImage> = {}): SimImage {
  return {
    id, name, version, os, type, owner: '930896af-bf8c-48d4-885c-6573a94b1853', public: true, state: 'active', readyAt: 0,
    published_at: '2024-01-15T00:00:00Z', tags: { role: 'os' }, requirements: {}, description: `${name} ${version}`,
    files: [{ compression: 'gzip', sha1: '97f20b32c2016782257176fb58a35e5044f05840', size: 46271847 }], ...extra,
  };
}

function pkg(id: string, name: string, memory: number, disk: number, vcpus: number, extra: Partial<SimPackage> = {}): SimPackage {
  return { id, name, memory, disk, swap: memory * 2, lwps: 4000, vcpus, version: '1.0.0', group: 'sim', description: `${memory / 1024} GiB`, ...extra };
}

function network(id: string, name: string, isPublic: boolean, subnet: string, start: string, end: string, gateway: string): SimNetwork {
  return { id, name, public: isPublic, fabric: false, subnet, provision_start_ip: start, provision_end_ip: end, gateway, resolvers: ['8.8.8.8', '8.8.4.4'], reserved: new Set(), description: `${name} network` };
}

/** Images, packages and networks every account sees, and the default fabric of each account. */
export function seed(state: TritonState): void {
  for (const img of [
    image(SEED.image.base, 'base-64-lts', '23.4.0', 'smartos', 'zone-dataset'),
    image(SEED.image.ubuntu, 'ubuntu-22.04', '20240115', 'linux', 'lx-dataset', { requirements: { brand: 'lx' } }),
    image(SEED.image.bhyve, 'ubuntu-certified-22.04', '20240115', 'linux', 'zvol', { requirements: { brand: 'bhyve' } }),
  ]) state.images.set(img.id, img);
  for (const p of [
    pkg(SEED.package.small, 'sample-512M', 512, 10240, 1),
    pkg(SEED.package.medium, 'sample-1G', 1024, 25600, 1),
    pkg(SEED.package.large, 'sample-4G', 4096, 102400, 2),
    pkg(SEED.package.flexible, 'sample-bhyve-flexible-4G', 4096, 102400, 2, { flexible_disk: true, brand: 'bhyve' }),
  ]) state.packages.set(p.id, p);
  for (const n of [
    network(SEED.network.public, 'sim-public', true, '203.0.113.0/24', '203.0.113.10', '203.0.113.250', '203.0.113.1'),
    network(SEED.network.private, 'sim-private', false, '10.88.0.0/24', '10.88.0.10', '10.88.0.250', '10.88.0.1'),
  ]) state.networks.set(n.id, n);
}

/** Each account's default fabric VLAN and network, as Triton sets them up. */
export function seedFabric(state: TritonState, random: RandomSource, owner: string): string {
  state.vlans.set(`${owner}:2`, { owner, vlan_id: 2, name: 'My-Fabric-VLAN', description: 'Default fabric VLAN' });
  const id = random.uuid();
  state.networks.set(id, {
    id, name: 'My-Fabric-Network', public: false, fabric: true, owner, vlan_id: 2, subnet: '192.168.128.0/22',
    provision_start_ip: '192.168.128.5', provision_end_ip: '192.168.131.250', gateway: '192.168.128.1',
    resolvers: ['8.8.8.8'], routes: {}, internet_nat: true, reserved: new Set(), description: 'Default fabric network',
  });
  return id;
}
