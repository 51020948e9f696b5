/**
 * What each simulated provider offers: the `supported_providers` list of the mist.io server of
 * 2014, and per provider family sizes, locations, networks and images. Static data (the same in
 * every simulator), shaped as the server lists it.
 */

/** `GET /providers` (the server's SUPPORTED_PROVIDERS of 2014, in its order). */
export const SUPPORTED_PROVIDERS: readonly { title: string; provider: string }[] = Object.freeze([
  { title: 'Bare Metal Server', provider: 'bare_metal' },
  { title: 'EC2 AP NORTHEAST', provider: 'ec2_ap_northeast' },
  { title: 'EC2 AP SOUTHEAST', provider: 'ec2_ap_southeast' },
  { title: 'EC2 AP Sydney', provider: 'ec2_ap_southeast_2' },
  { title: 'EC2 EU Ireland', provider: 'ec2_eu_west' },
  { title: 'EC2 SA EAST', provider: 'ec2_sa_east' },
  { title: 'EC2 US EAST', provider: 'ec2_us_east' },
  { title: 'EC2 US WEST', provider: 'ec2_us_west' },
  { title: 'EC2 US WEST OREGON', provider: 'ec2_us_west_oregon' },
  { title: 'Google Compute Engine', provider: 'gce' },
  { title: 'NephoScale', provider: 'nephoscale' },
  { title: 'DigitalOcean', provider: 'digitalocean' },
  { title: 'Linode', provider: 'linode' },
  { title: 'OpenStack', provider: 'openstack' },
  { title: 'Rackspace DFW', provider: 'rackspace:dfw' },
  { title: 'Rackspace ORD', provider: 'rackspace:ord' },
  { title: 'Rackspace IAD', provider: 'rackspace:iad' },
  { title: 'Rackspace LON', provider: 'rackspace:lon' },
  { title: 'Rackspace AU', provider: 'rackspace:syd' },
  { title: 'Rackspace HKG', provider: 'rackspace:hkg' },
  { title: 'Rackspace US (OLD)', provider: 'rackspace_first_gen:us' },
  { title: 'Rackspace UK (OLD)', provider: 'rackspace_first_gen:uk' },
  { title: 'SoftLayer', provider: 'softlayer' },
  { title: 'HP Helion Cloud - US West', provider: 'hpcloud:region-a.geo-1' },
  { title: 'HP Helion Cloud - US East', provider: 'hpcloud:region-b.geo-1' },
  { title: 'Docker', provider: 'docker' },
]);

/** Provider families the simulator knows (a stored provider value after the server split off the region). */
export type ProviderFamily =
  | 'bare_metal' | 'ec2' | 'gce' | 'nephoscale' | 'digitalocean' | 'linode' | 'openstack' | 'rackspace' | 'rackspace_first_gen' | 'softlayer'
  | 'hpcloud' | 'docker';

/** The family of a stored provider value (`ec2_us_east` → `ec2`), or undefined for one the server cannot connect to. */
export function familyOf(provider: string): ProviderFamily | undefined {
  if (/^ec2_[a-z0-9_]+$/.test(provider) && SUPPORTED_PROVIDERS.some((p) => p.provider === provider)) return 'ec2';
  const known: readonly ProviderFamily[] = ['bare_metal', 'gce', 'nephoscale', 'digitalocean', 'linode', 'openstack', 'rackspace', 'rackspace_first_gen', 'softlayer', 'hpcloud', 'docker'];
  return (known as readonly string[]).includes(provider) ? (provider as ProviderFamily) : undefined;
}

/** libcloud driver names, as `Size.driver` shows them. */
export const DRIVER_NAMES: Readonly<Record<ProviderFamily, string>> = Object.freeze({
  bare_metal: 'Bare Metal', ec2: 'Amazon EC2', gce: 'Google Compute Engine', nephoscale: 'NephoScale', digitalocean: 'Digital Ocean', linode: 'Linode',
  openstack: 'OpenStack', rackspace: 'Rackspace Cloud (Next Gen)', rackspace_first_gen: 'Rackspace Cloud (First Gen)', softlayer: 'SoftLayer',
  hpcloud: 'HP Public Cloud (Helion)', docker: 'Docker',
});

export interface SimSize {
  id: string;
  name: string;
  ram: number | null;
  disk: number | null;
  bandwidth: number | null;
  price: number | string | null;
}

const size = (id: string, name: string, ram: number | null, disk: number | null, price: number, bandwidth: number | null = null): SimSize => ({ id, name, ram, disk, bandwidth, price });

/** Sizes per family (as each provider's libcloud driver lists them). */
export const SIZES: Readonly<Record<ProviderFamily, readonly SimSize[]>> = Object.freeze({
  bare_metal: [],
  ec2: [size('t1.micro', 'Micro Instance', 613, 15, 0.02), size('m1.small', 'Small Instance', 1740, 160, 0.044), size('m3.medium', 'Medium Instance', 3840, 4, 0.07), size('c3.large', 'High-CPU Large Instance', 3840, 32, 0.105)],
  gce: [size('f1-micro', 'f1-micro', 614, 10, 0.013), size('g1-small', 'g1-small', 1740, 10, 0.035), size('n1-standard-1', 'n1-standard-1', 3840, 10, 0.07)],
  nephoscale: [size('219', 'CS05 - 0.5GB, 1Core, 25GB', 512, 25, 0.025), size('221', 'CS1 - 1GB, 1Core, 50GB', 1024, 50, 0.05)],
  digitalocean: [size('512mb', '512MB', 512, 20, 5, 1000), size('1gb', '1GB', 1024, 30, 10, 2000), size('2gb', '2GB', 2048, 40, 20, 3000)],
  linode: [size('1', 'Linode 1024', 1024, 24576, 10, 2000), size('2', 'Linode 2048', 2048, 49152, 20, 3000)],
  openstack: [size('1', 'm1.tiny', 512, 1, 0), size('2', 'm1.small', 2048, 20, 0), size('3', 'm1.medium', 4096, 40, 0)],
  rackspace: [size('2', '512MB Standard Instance', 512, 20, 0.022), size('3', '1GB Standard Instance', 1024, 40, 0.06)],
  rackspace_first_gen: [size('1', '256 server', 256, 10, 0.015), size('2', '512 server', 512, 20, 0.03)],
  softlayer: [size('1', '1 CPU, 1GB ram, 25GB', 1024, 25, 0.1), size('2', '2 CPU, 2GB ram, 100GB', 2048, 100, 0.2)],
  hpcloud: [size('100', 'standard.xsmall', 1024, 30, 0.03), size('101', 'standard.small', 2048, 60, 0.06)],
  docker: [size('default', 'Default', null, null, 0)],
});

export interface SimLocation {
  id: string;
  name: string;
  country: string;
}

/** Locations per family; for EC2 `name` is the availability zone (the server lists zones, not regions). */
export function locationsOf(family: ProviderFamily, provider: string, region: string): SimLocation[] {
  switch (family) {
    case 'ec2': {
      const zone = EC2_ZONES[provider] ?? 'us-east-1';
      return [{ id: '0', name: `${zone}a`, country: 'USA' }, { id: '1', name: `${zone}b`, country: 'USA' }];
    }
    case 'gce':
      return [{ id: 'us-central1-a', name: 'us-central1-a', country: 'us' }, { id: 'europe-west1-b', name: 'europe-west1-b', country: 'eu' }];
    case 'linode':
      return [{ id: '2', name: 'Dallas, TX, USA', country: 'US' }, { id: '7', name: 'London, England, UK', country: 'GB' }];
    case 'digitalocean':
      return [{ id: 'nyc3', name: 'New York 3', country: '' }, { id: 'ams2', name: 'Amsterdam 2', country: '' }];
    case 'rackspace':
    case 'rackspace_first_gen':
      return [{ id: '0', name: `Rackspace ${region.toUpperCase() || 'DFW'}`, country: region === 'lon' || region === 'uk' ? 'UK' : 'US' }];
    case 'nephoscale':
      return [{ id: '86945', name: 'SJC-1', country: 'US' }, { id: '87729', name: 'RIC-1', country: 'US' }];
    case 'softlayer':
      return [{ id: '3', name: 'dal05', country: 'US' }, { id: '168642', name: 'sjc01', country: 'US' }];
    case 'hpcloud':
      return [{ id: '0', name: region || 'region-a.geo-1', country: 'US' }];
    case 'openstack':
    case 'docker':
    case 'bare_metal':
      // No location support: the server answers the one default location.
      return [{ id: '', name: 'default', country: '' }];
  }
}

const EC2_ZONES: Readonly<Record<string, string>> = Object.freeze({
  ec2_ap_northeast: 'ap-northeast-1', ec2_ap_southeast: 'ap-southeast-1', ec2_ap_southeast_2: 'ap-southeast-2', ec2_eu_west: 'eu-west-1',
  ec2_sa_east: 'sa-east-1', ec2_us_east: 'us-east-1', ec2_us_west: 'us-west-1', ec2_us_west_oregon: 'us-west-2',
});

/** Networks per family: NephoScale and OpenStack have them; the rest answer `[]`. */
export function networksOf(family: ProviderFamily): { id: string; name: string; extra: Record<string, unknown> }[] {
  if (family === 'nephoscale') return [{ id: '1', name: 'default-public', extra: { is_default: true, domain_type: 'public' } }, { id: '2', name: 'default-private', extra: { is_default: true, domain_type: 'private' } }];
  if (family === 'openstack') return [{ id: 'net-public', name: 'public', extra: { cidr: '203.0.113.0/24' } }, { id: 'net-private', name: 'private', extra: { cidr: '10.0.0.0/24' } }];
  return [];
}

export interface SimImage {
  id: string;
  name: string;
  extra: Record<string, unknown>;
}

/** The images mist.io stars by default for EC2 (its EC2_IMAGES), as ids and names. */
const EC2_DEFAULTS: readonly [string, string][] = [
  ['ami-7c807d14', 'Amazon Linux AMI 2014.03.2 (PV)'],
  ['ami-76817c1e', 'Amazon Linux AMI 2014.03.2 (HVM)'],
  ['ami-e84d8480', 'Ubuntu Server 14.04 LTS (PV), SSD Volume Type (64-bit)'],
  ['ami-384d8450', 'Ubuntu Server 14.04 LTS (PV), SSD Volume Type (32-bit)'],
  ['ami-b06a98d8', 'Red Hat Enterprise Linux 6.5 (PV) (64-bit)'],
  ['ami-8c27d8e4', 'SuSE Linux Enterprise Server 11 sp3 (PV), SSD Volume Type (64-bit)'],
];

/** Docker images mist.io offers by default (its DOCKER_IMAGES). */
export const DOCKER_DEFAULTS: readonly [string, string][] = [
  ['mist/ubuntu-14.04', 'Ubuntu 14.04'],
  ['mist/debian-wheezy', 'Debian Wheezy'],
  ['mist/opensuse-13.1', 'OpenSUSE 13.1'],
  ['mist/fedora-20', 'Fedora 20'],
];

const DISTROS = ['ubuntu', 'debian', 'centos', 'fedora', 'amzn', 'suse', 'windows', 'coreos'];

/** Enough public EC2 images that a search has to stop at 40; a few are kernels or HVM/Windows ones the server hides. */
function ec2Images(): SimImage[] {
  const out: SimImage[] = EC2_DEFAULTS.map(([id, name]) => ({ id, name, extra: { owner_alias: 'amazon', architecture: name.includes('32-bit') ? 'i386' : 'x86_64' } }));
  for (let i = 0; i < 96; i++) {
    const distro = DISTROS[i % DISTROS.length] as string;
    const id = `ami-${(0x1a2b3c00 + i * 7919).toString(16).slice(-8)}`;
    out.push({ id, name: `${distro}-${10 + (i % 5)}.${i % 10}-amd64-server-2014${String((i % 12) + 1).padStart(2, '0')}${i % 3 === 0 ? '-hvm' : ''}`, extra: { owner_alias: 'amazon' } });
  }
  out.push({ id: 'aki-88aa75e1', name: 'pv-grub-hd0_1.04-x86_64.gz', extra: {} }, { id: 'ari-a51cf9cc', name: 'ramdisk', extra: {} });
  return out;
}

/** Raw images per family, before the server's filters (no Windows, no HVM, no aki-/ari-). */
export function imagesOf(family: ProviderFamily): SimImage[] {
  switch (family) {
    case 'ec2':
      return ec2Images();
    case 'docker':
      return [
        ...DOCKER_DEFAULTS.map(([id, name]) => ({ id, name, extra: {} })),
        ...['nginx', 'redis', 'postgres', 'mysql', 'node', 'python', 'golang', 'busybox', 'alpine', 'ubuntu', 'debian', 'centos'].map((n) => ({ id: `${n}:latest`, name: n, extra: { registry: 'index.docker.io' } })),
      ];
    case 'bare_metal':
      return [];
    default: {
      const prefix = family === 'gce' ? 'projects/debian-cloud/global/images/' : '';
      return [
        { id: `${prefix}debian-7-wheezy-v20140926`, name: 'Debian 7 (wheezy)', extra: {} },
        { id: `${prefix}ubuntu-14-04-x64`, name: 'Ubuntu 14.04 x64', extra: {} },
        { id: `${prefix}centos-6-5-x64`, name: 'CentOS 6.5 x64', extra: {} },
        { id: `${prefix}fedora-20-x64`, name: 'Fedora 20 x64', extra: {} },
        { id: `${prefix}coreos-444-5-0`, name: 'CoreOS 444.5.0', extra: {} },
        { id: `${prefix}windows-2012-r2`, name: 'Windows Server 2012 R2', extra: {} },
      ];
    }
  }
}

/** Whether mist.io stars an image by default (EC2 and Docker: their default images; elsewhere every image). */
export function starredByDefault(family: ProviderFamily, imageId: string): boolean {
  if (family === 'ec2') return EC2_DEFAULTS.some(([id]) => id === imageId);
  if (family === 'docker') return DOCKER_DEFAULTS.some(([id]) => id === imageId);
  return true;
}

/** Providers whose machines cannot be tagged (the server's can_tag rule). */
export const NO_TAGS: ReadonlySet<ProviderFamily> = new Set(['rackspace_first_gen', 'linode', 'nephoscale', 'softlayer', 'digitalocean', 'docker']);

/** Providers that keep terminated machines in their list (EC2); the others drop them. */
export const KEEPS_TERMINATED: ReadonlySet<ProviderFamily> = new Set(['ec2']);
