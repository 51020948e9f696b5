import { ConfigError } from '../../core/errors/config-error.js';

/**
 * Normalises a host: `name`, `name:port`, `[v6]`, `[v6]:port`, or a bare IPv6 address, which gets
 * the brackets a URL needs (upstream builds `https://::1/…`, which no HTTP library can use).
 */
export function normalizeHost(host: string): string {
  const h = (typeof host === 'string' ? host : '').trim();
  // `user:password@host` would be a credential in the message: never quote a host with an `@`.
  if (h.includes('@')) throw new ConfigError('Connection: host contains "@" (user info); pass username and password (or auth) instead');
  if (h === '' || /[/\s?#\\\u0000-\u001f\u007f]/.test(h)) throw new ConfigError(`Connection: invalid host ${JSON.stringify(host)} (expected a name or address, optionally with :port)`);
  if (!h.startsWith('[') && (h.match(/:/g) ?? []).length > 1) return `[${h}]`;
  return h;
}

/**
 * Normalises a base path to `/x/y/` (upstream needs the trailing slash or builds `/api/v2markets`).
 * A `.`/`..` segment, a query, a fragment, a backslash or a control character is a ConfigError: the
 * base is the root every identifier is checked against, so it must mean what it says.
 */
export function normalizeBasePath(path: string): string {
  if (typeof path !== 'string') throw new ConfigError('Connection: baseUrl must be a path such as /api/v3');
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\\\u0000-\u001f\u007f]/.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..' || (s === '' && trimmed !== ''))) {
    throw new ConfigError(`Connection: baseUrl ${JSON.stringify(path)} is not a plain path (no ".", "..", empty segments, "?", "#", "\\" or control characters)`);
  }
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * `host` and `ssl` from a server URL (`https://turbo.example.com:8443`). Only the origin may be
 * given: user info would put a password in every log line, and a path belongs in `baseUrl`.
 */
export function parseServerUrl(url: unknown): { host: string; ssl: boolean } {
  if (typeof url !== 'string' || /[\u0000-\u0020\u007f]/.test(url)) throw new ConfigError('Connection: url must be a URL such as https://turbo.example.com (no spaces or control characters)');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError('Connection: url is not an absolute URL (expected https://host[:port])');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ConfigError(`Connection: url must use https: or http:, not ${u.protocol}`);
  if (u.username || u.password) throw new ConfigError('Connection: url contains a user name or password; pass username and password (or auth) instead');
  if (u.search || u.hash) throw new ConfigError('Connection: url cannot carry a query or fragment');
  if (u.pathname !== '/' && u.pathname !== '') throw new ConfigError('Connection: url has a path; give only the server (https://host[:port]) and the API base path as baseUrl');
  return { host: normalizeHost(u.host), ssl: u.protocol === 'https:' };
}
