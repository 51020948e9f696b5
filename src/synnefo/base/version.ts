import { ConfigError } from '../../core/errors/config-error.js';

const VERSION_TAIL = /\/v(\d+(?:\.\d*)?)$/;

/**
 * kamaki's `strip_version`: the endpoint URL (trailing `/` removed) split into the part before
 * `/v<version>` and the version itself (`''` when the URL ends in no `/vN[.M]`).
 *
 * ```ts
 * stripVersion('https://h/cyclades/compute/v2.0/') // { base: 'https://h/cyclades/compute', version: '2.0' }
 * ```
 */
export function stripVersion(url: string): { base: string; version: string } {
  const trimmed = url.replace(/\/+$/, '');
  const m = VERSION_TAIL.exec(trimmed);
  if (!m) return { base: trimmed, version: '' };
  return { base: trimmed.slice(0, m.index), version: m[1] as string };
}

/**
 * The version-suffix rule of protocol §1.1: the trailing `/` is stripped; when the URL has no
 * `/vN[.M]` tail, `/v<defaultVersion>` is appended (`…/compute` → `…/compute/v2.0`). An empty URL,
 * or one without a version when the service has no default, is a ConfigError (kamaki asserts).
 */
export function endpointWithVersion(url: string, defaultVersion: string | undefined, where = 'client'): { endpointUrl: string; apiVersion: string } {
  if (typeof url !== 'string') throw new ConfigError(`${where}: url must be a string (the service endpoint URL), got ${url === null ? 'null' : typeof url}`);
  const endpointUrl = url.trim().replace(/\/+$/, '');
  if (!endpointUrl) throw new ConfigError(`${where}: no endpoint URL (url is empty)`);
  let parsed: URL;
  try {
    parsed = new URL(endpointUrl);
  } catch {
    throw new ConfigError(`${where}: url is not an absolute URL: ${JSON.stringify(endpointUrl.slice(0, 200))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`${where}: url must be http or https, got ${parsed.protocol}`);
  if (parsed.search || parsed.hash) throw new ConfigError(`${where}: url must not have a query or fragment`);
  const { version } = stripVersion(endpointUrl);
  if (version) return { endpointUrl, apiVersion: version };
  if (!defaultVersion) throw new ConfigError(`${where}: the endpoint URL has no /v<version> tail and this service has no default version`);
  return { endpointUrl: `${endpointUrl}/v${defaultVersion}`, apiVersion: defaultVersion };
}
