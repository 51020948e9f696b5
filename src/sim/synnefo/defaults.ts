import type { SimResource } from './types.js';

const GiB = 1024 ** 3;

/** Limits of every user's base project unless `quotas` says otherwise. */
export const DEFAULT_QUOTAS: Readonly<Record<string, number>> = Object.freeze({
  'cyclades.vm': 5,
  'cyclades.total_cpu': 16,
  'cyclades.cpu': 16,
  'cyclades.total_ram': 32 * GiB,
  'cyclades.ram': 32 * GiB,
  'cyclades.disk': 200 * GiB,
  'cyclades.floating_ip': 3,
  'cyclades.network.private': 5,
  'pithos.diskspace': 50 * GiB,
  'astakos.pending_app': 2,
});

const r = (name: string, service: string, description: string, unit: string | null, visible = true): SimResource =>
  Object.freeze({ name, service, description, unit, uiVisible: visible, apiVisible: visible, allowInProjects: true });

/** The resources a Synnefo 0.21 deployment registers (snf-cyclades-app, snf-pithos-app, astakos). */
export const DEFAULT_RESOURCES: readonly SimResource[] = Object.freeze([
  r('cyclades.vm', 'cyclades_compute', 'Number of virtual machines', null),
  r('cyclades.total_cpu', 'cyclades_compute', 'Number of virtual machine processors', null, false),
  r('cyclades.cpu', 'cyclades_compute', 'Number of virtual machine processors of running servers', null),
  r('cyclades.total_ram', 'cyclades_compute', 'Virtual machine memory size', 'bytes', false),
  r('cyclades.ram', 'cyclades_compute', 'Virtual machine memory size of running servers', 'bytes'),
  r('cyclades.disk', 'cyclades_compute', 'Virtual machine disk size', 'bytes'),
  r('cyclades.network.private', 'cyclades_network', 'Number of private networks', null),
  r('cyclades.floating_ip', 'cyclades_network', 'Number of Floating IP addresses', null),
  r('pithos.diskspace', 'pithos_object-store', 'Pithos account quota', 'bytes'),
  r('astakos.pending_app', 'astakos_account', 'Number of pending project applications', null),
]);

/** Where each service is mounted on the simulator's host (its catalog publicURL path). */
export const SERVICE_PATHS: Readonly<Record<string, { name: string; path: string; versionId: string }>> = Object.freeze({
  account: { name: 'astakos_account', path: '/account/v1.0', versionId: 'v1.0' },
  identity: { name: 'astakos_identity', path: '/identity/v2.0', versionId: 'v2.0' },
  astakos_weblogin: { name: 'astakos_weblogin', path: '/ui/login', versionId: '' },
  astakos_auth: { name: 'astakos_oauth2', path: '/astakos/oauth2', versionId: '' },
  compute: { name: 'cyclades_compute', path: '/compute/v2.0', versionId: 'v2.0' },
  network: { name: 'cyclades_network', path: '/network/v2.0', versionId: 'v2.0' },
  image: { name: 'cyclades_plankton', path: '/image/v1.0', versionId: 'v1.0' },
  volume: { name: 'cyclades_volume', path: '/volume/v2.0', versionId: 'v2.0' },
  vmapi: { name: 'cyclades_vmapi', path: '/vmapi/v1.0', versionId: 'v1.0' },
  'object-store': { name: 'pithos_object-store', path: '/object-store/v1', versionId: 'v1' },
});

/** The component URL each service's `SNF:uiURL` names. */
const UI_PATHS: Readonly<Record<string, string>> = Object.freeze({
  astakos: '/ui', cyclades: '/ui/cyclades', pithos: '/ui/pithos',
});

/** The service catalog of `POST /tokens`, every URL on `origin` (the host the request reached). */
export function serviceCatalog(origin: string): Record<string, unknown>[] {
  return Object.entries(SERVICE_PATHS).map(([type, s]) => {
    const component = s.name.startsWith('astakos') ? 'astakos' : s.name.startsWith('pithos') ? 'pithos' : 'cyclades';
    const endpoint: Record<string, string> = {
      versionId: s.versionId,
      publicURL: `${origin}${s.path}`,
      'SNF:uiURL': `${origin}${UI_PATHS[component]}`,
      region: 'default',
    };
    if (s.name === 'astakos_weblogin') endpoint['SNF:webloginURL'] = endpoint.publicURL as string;
    return { name: s.name, type, endpoints: [endpoint], endpoints_links: [] };
  });
}
