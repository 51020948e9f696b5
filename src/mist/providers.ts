import { ConfigError } from '../core/errors/config-error.js';
import { checkOptions } from '../core/options.js';
import type { components } from './generated/mist.js';
import { namesOf } from '../core/options.js';

/** The EC2 regions of mist.io 2014, each its own provider value. */
export type Ec2Provider =
  | 'ec2_ap_northeast' | 'ec2_ap_southeast' | 'ec2_ap_southeast_2' | 'ec2_eu_west' | 'ec2_sa_east' | 'ec2_us_east' | 'ec2_us_west'
  | 'ec2_us_west_oregon';
export type RackspaceRegion = 'dfw' | 'ord' | 'iad' | 'lon' | 'syd' | 'hkg';

/**
 * Every provider value of mist.io's `supported_providers` (2014). `provider:region` values are split
 * by the server: the stored provider is the part before the colon, the region the rest.
 */
export type MistProvider =
  | 'bare_metal' | Ec2Provider | 'gce' | 'nephoscale' | 'digitalocean' | 'linode' | 'openstack' | `rackspace:${RackspaceRegion}`
  | `rackspace_first_gen:${'us' | 'uk'}` | 'softlayer' | `hpcloud:${'region-a.geo-1' | 'region-b.geo-1'}` | 'docker';

/** Options every provider takes. */
export interface CommonBackendOptions {
  /**
   * Validate the credentials by listing the provider's machines and refuse the backend when that
   * fails (default true). For bare metal: require `machineKey` and try SSH.
   */
  removeOnError?: boolean;
}

/** OpenStack: `key` = user name, `secret` = password. */
export interface OpenStackBackendOptions extends CommonBackendOptions {
  /** Keystone auth URL (a trailing `/v2.0` is trimmed by the server). */
  apiurl: string;
  tenantName?: string;
  /** Service region. */
  region?: string;
  /** A custom Nova base URL. */
  computeEndpoint?: string;
}

/** HP Helion Cloud: `key` = user name, `secret` = password. */
export interface HpCloudBackendOptions extends CommonBackendOptions {
  tenantName?: string;
  /** Any URL containing `hpcloudsvc` is replaced by the built-in HP auth URL. */
  apiurl?: string;
  region?: string;
}

/** Google Compute Engine: `key` = service-account email, `secret` = private key text. */
export interface GceBackendOptions extends CommonBackendOptions {
  /** The project id. */
  tenantName: string;
}

/** Docker: `key`/`secret` = optional basic-auth user and password (may be `''`). */
export interface DockerBackendOptions extends CommonBackendOptions {
  /** The Docker host URL. */
  apiurl: string;
  /** Docker API port (server default 4243; mist.client 0.1.1 could not send it). */
  dockerPort?: number;
}

/** Bare-metal server: `key` and `secret` are unused (pass `''`). */
export interface BareMetalBackendOptions extends CommonBackendOptions {
  /** Host name or address (the backend's title becomes this host name). */
  machineIp: string;
  /** Id of an added key that can log in (required unless `removeOnError: false`). */
  machineKey?: string;
  /** Default root. */
  machineUser?: string;
  /** Default 22. */
  machinePort?: number;
}

/** For a provider value opskit does not know: every field mist.client 0.1.1 can send. */
export interface AnyBackendOptions extends CommonBackendOptions {
  tenantName?: string;
  region?: string;
  apiurl?: string;
  machineIp?: string;
  machineKey?: string;
  machineUser?: string;
  computeEndpoint?: string;
  machinePort?: number;
  dockerPort?: number;
}

/** The options `addBackend` takes for provider `P` (EC2, Rackspace, Linode, … take only `removeOnError`). */
export type AddBackendOptions<P extends string> = P extends 'openstack'
  ? OpenStackBackendOptions
  : P extends `hpcloud${string}`
    ? HpCloudBackendOptions
    : P extends 'gce'
      ? GceBackendOptions
      : P extends 'docker'
        ? DockerBackendOptions
        : P extends 'bare_metal'
          ? BareMetalBackendOptions
          : P extends MistProvider
            ? CommonBackendOptions
            : AnyBackendOptions;

/** The options argument: required when the provider needs one (OpenStack, GCE, Docker, bare metal). */
export type AddBackendOptionsArg<P extends string> = {} extends AddBackendOptions<P> ? [options?: AddBackendOptions<P>] : [options: AddBackendOptions<P>];

const COMMON = namesOf<CommonBackendOptions>()('removeOnError');
const ANY = namesOf<AnyBackendOptions>()(
  'removeOnError', 'tenantName', 'region', 'apiurl', 'machineIp', 'machineKey', 'machineUser', 'computeEndpoint', 'machinePort', 'dockerPort',
);
const KNOWN: readonly string[] = [
  'bare_metal', 'gce', 'nephoscale', 'digitalocean', 'linode', 'openstack', 'softlayer', 'docker', 'ec2_ap_northeast', 'ec2_ap_southeast',
  'ec2_ap_southeast_2', 'ec2_eu_west', 'ec2_sa_east', 'ec2_us_east', 'ec2_us_west', 'ec2_us_west_oregon',
];
const KNOWN_PREFIXES = ['rackspace', 'rackspace_first_gen', 'hpcloud'];

/** Option names per provider family; anything else is refused before a request is made. */
function allowedFor(provider: string): readonly string[] {
  const family = provider.split(':')[0] ?? '';
  switch (family) {
    case 'openstack':
      return namesOf<OpenStackBackendOptions>()('removeOnError', 'apiurl', 'tenantName', 'region', 'computeEndpoint');
    case 'hpcloud':
      return namesOf<HpCloudBackendOptions>()('removeOnError', 'tenantName', 'apiurl', 'region');
    case 'gce':
      return namesOf<GceBackendOptions>()('removeOnError', 'tenantName');
    case 'docker':
      return namesOf<DockerBackendOptions>()('removeOnError', 'apiurl', 'dockerPort');
    case 'bare_metal':
      return namesOf<BareMetalBackendOptions>()('removeOnError', 'machineIp', 'machineKey', 'machineUser', 'machinePort');
    default:
      return KNOWN.includes(provider) || (provider.includes(':') && KNOWN_PREFIXES.includes(family)) ? COMMON : ANY;
  }
}

/** Other names users reach for (v2 and later clients' credential names). */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  projectId: 'tenantName', project_id: 'tenantName', authUrl: 'apiurl', auth_url: 'apiurl', apiUrl: 'apiurl', api_url: 'apiurl',
  dockerHost: 'apiurl', docker_host: 'apiurl', sshPort: 'machinePort', ssh_port: 'machinePort', machineHostname: 'machineIp',
  machine_hostname: 'machineIp',
});

/** The body of `POST /backends`. */
export type AddBackendBody = components['schemas']['AddBackendRequest'];

/**
 * The `POST /backends` body for `addBackend(title, provider, key, secret, options)`: mist.client's
 * field names; unset optional fields are left out (the server's defaults apply) rather than sent
 * as JSON null.
 * @throws ConfigError for a non-string title, provider, key or secret, or an option the provider does not take.
 */
export function addBackendBody(title: string, provider: string, key: string, secret: string, options: AnyBackendOptions | undefined): AddBackendBody {
  const where = 'MistClient.addBackend()';
  if (typeof provider !== 'string' || provider === '') throw new ConfigError(`${where}: provider must be a provider value such as "ec2_us_east" (see supportedProviders())`);
  for (const [name, value] of [['title', title], ['key', key], ['secret', secret]] as const) {
    if (typeof value !== 'string') throw new ConfigError(`${where}: ${name} must be a string (pass '' when the provider does not use it)`);
  }
  checkOptions(`${where} for provider ${JSON.stringify(provider)}`, options, allowedFor(provider), ALIASES);
  const o = options ?? {};
  for (const name of ['machinePort', 'dockerPort'] as const) {
    const v = o[name];
    if (v !== undefined && !(Number.isInteger(v) && v > 0 && v < 65536)) throw new ConfigError(`${where}: ${name} must be a TCP port number`);
  }
  if (o.removeOnError !== undefined && typeof o.removeOnError !== 'boolean') throw new ConfigError(`${where}: removeOnError must be true or false`);
  const body: AddBackendBody = { title, provider, apikey: key, apisecret: secret, remove_on_error: o.removeOnError ?? true };
  const text = { tenant_name: o.tenantName, region: o.region, apiurl: o.apiurl, machine_ip: o.machineIp, machine_key: o.machineKey, machine_user: o.machineUser, compute_endpoint: o.computeEndpoint };
  for (const [field, value] of Object.entries(text)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new ConfigError(`${where}: ${field} must be a string`);
    (body as Record<string, unknown>)[field] = value;
  }
  if (o.machinePort !== undefined) body.machine_port = o.machinePort;
  if (o.dockerPort !== undefined) body.docker_port = o.dockerPort;
  return body;
}
