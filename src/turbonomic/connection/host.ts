import { ConfigError } from '../../core/errors/config-error.js';

/**
 * Normalises a host: `name`, `name:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address, which gets
 * the brackets a URL needs (upstream builds `https://::1/…`, which no HTTP library can use).
 */
export function normalizeHost(host: string): string {
  const h = (host ?? '').trim();
  if (h === '' || /[/\s?#@]/.test(h)) throw new ConfigError(`Connection: invalid host ${JSON.stringify(host)} (expected a name or address, optionally with :port)`);
  if (!h.startsWith('[') && (h.match(/:/g) ?? []).length > 1) return `[${h}]`;
  return h;
}

/** Normalises a base path to `/x/y/` (upstream needs the trailing slash or builds `/api/v2markets`). */
export function normalizeBasePath(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
