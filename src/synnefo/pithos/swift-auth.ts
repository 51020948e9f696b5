import { createClient } from '../../core/client.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { ResponseError } from '../../core/errors/response-error.js';
import { checkOptions, CORE_OPTION_NAMES } from '../../core/options.js';
import type { CoreOptions } from '../../core/types.js';

/** A Swift login: the storage URL (ending in the account) and the token for it. */
export interface SwiftLogin {
  /** e.g. `http://127.0.0.1:8080/v1/AUTH_test`. */
  storageUrl: string;
  token: string;
  /** Seconds until the token expires, when the server says. */
  expires?: number | undefined;
}

function splitUrl(url: string, where: string): { origin: string; path: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`${where}: not an absolute URL: ${JSON.stringify(String(url).slice(0, 200))}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`${where}: the URL must be http or https`);
  return { origin: u.origin, path: u.pathname.replace(/\/+$/, '') || '/' };
}

/**
 * Swift TempAuth (`GET <auth>/auth/v1.0` with `X-Auth-User: <account>:<user>` and
 * `X-Auth-Key`), through the core chain (the key and the token never appear in logs or errors).
 */
export async function swiftTempAuth(authUrl: string, user: string, key: string, options: CoreOptions = {}): Promise<SwiftLogin> {
  checkOptions('swiftTempAuth()', options, CORE_OPTION_NAMES);
  if (!user || !key) throw new ConfigError('swiftTempAuth(): user and key are required');
  const { origin, path } = splitUrl(authUrl, 'swiftTempAuth()');
  const client = createClient({ ...options, baseUrl: origin, secrets: [key, ...(options.secrets ?? [])] });
  const { response } = await client.unwrapResponse(
    client.api.GET(path as never, { headers: { 'X-Auth-User': user, 'X-Auth-Key': key }, parseAs: 'text', opskit: { op: 'swiftTempAuth' } } as never),
  );
  const storageUrl = response.headers.get('x-storage-url');
  const token = response.headers.get('x-auth-token') ?? response.headers.get('x-storage-token');
  if (!storageUrl || !token) throw new ResponseError('swiftTempAuth', 'the reply has no X-Storage-Url or X-Auth-Token');
  const expires = Number(response.headers.get('x-auth-token-expires'));
  return { storageUrl, token, ...(Number.isFinite(expires) && response.headers.has('x-auth-token-expires') ? { expires } : {}) };
}

/** Options of {@link keystoneV3Auth}. */
export interface KeystoneV3Options extends CoreOptions {
  username: string;
  password: string;
  /** Domain of the user (default `Default`). */
  userDomainName?: string;
  /** The project to scope the token to, by name (with its domain) or id. */
  projectName?: string;
  projectId?: string;
  projectDomainName?: string;
  /** Catalog endpoint interface (default `public`). */
  interface?: 'public' | 'internal' | 'admin';
  /** Catalog region (default: the first endpoint of the interface). */
  region?: string;
}

const KEYSTONE_OPTIONS = ['username', 'password', 'userDomainName', 'projectName', 'projectId', 'projectDomainName', 'interface', 'region', ...CORE_OPTION_NAMES];

/**
 * Keystone v3 password login (`POST <auth>/auth/tokens`, `authUrl` ending in `/v3`): the token
 * comes in the `X-Subject-Token` reply header, the storage URL from the catalog's
 * `object-store` entry (it already ends in the account, `…/v1/AUTH_<project>`).
 */
export async function keystoneV3Auth(authUrl: string, options: KeystoneV3Options): Promise<SwiftLogin> {
  checkOptions('keystoneV3Auth()', options, KEYSTONE_OPTIONS, { user_domain_name: 'userDomainName', project_name: 'projectName', project_id: 'projectId', project_domain_name: 'projectDomainName' });
  const { username, password, userDomainName, projectName, projectId, projectDomainName, interface: iface, region, ...core } = options;
  if (!username || !password) throw new ConfigError('keystoneV3Auth(): username and password are required');
  const { origin, path } = splitUrl(authUrl, 'keystoneV3Auth()');
  const client = createClient({ ...core, baseUrl: origin, secrets: [password, ...(core.secrets ?? [])] });
  const project = projectId ? { id: projectId } : projectName ? { name: projectName, domain: { name: projectDomainName ?? 'Default' } } : undefined;
  const body = {
    auth: {
      identity: { methods: ['password'], password: { user: { name: username, domain: { name: userDomainName ?? 'Default' }, password } } },
      ...(project ? { scope: { project } } : {}),
    },
  };
  const { data, response } = await client.unwrapResponse(
    client.api.POST(`${path}/auth/tokens` as never, { body, headers: { 'Content-Type': 'application/json' }, opskit: { op: 'keystoneV3Auth' } } as never),
  );
  const token = response.headers.get('x-subject-token');
  if (!token) throw new ResponseError('keystoneV3Auth', 'the reply has no X-Subject-Token header');
  const catalog = (data as { token?: { catalog?: Array<{ type?: string; endpoints?: Array<{ interface?: string; region?: string; region_id?: string; url?: string }> }> } })?.token?.catalog;
  const want = iface ?? 'public';
  const endpoint = (catalog ?? [])
    .filter((s) => s.type === 'object-store')
    .flatMap((s) => s.endpoints ?? [])
    .find((e) => e.interface === want && (region === undefined || e.region === region || e.region_id === region));
  if (!endpoint?.url) throw new ResponseError('keystoneV3Auth', `the catalog has no ${want} object-store endpoint${region ? ` in region ${region}` : ''}`);
  const expiresAt = (data as { token?: { expires_at?: string } })?.token?.expires_at;
  const expires = expiresAt ? Math.round((Date.parse(expiresAt) - (core.now ?? Date.now)()) / 1000) : undefined;
  return { storageUrl: endpoint.url, token, ...(expires !== undefined && Number.isFinite(expires) ? { expires } : {}) };
}

/** `…/v1/AUTH_x` → endpoint `…/v1` and account `AUTH_x` (the account is the last path segment). */
export function splitStorageUrl(storageUrl: string): { url: string; account: string } {
  const trimmed = storageUrl.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  const account = decodeURIComponent(trimmed.slice(cut + 1));
  if (cut < 0 || !account) throw new ConfigError(`the storage URL ${JSON.stringify(storageUrl.slice(0, 200))} does not end in an account`);
  return { url: trimmed.slice(0, cut), account };
}
