import { ConfigError } from '../core/errors/config-error.js';

/** py-smartdc's host suffix for bare location names (historic Joyent public cloud). */
export const API_HOST_SUFFIX = '.api.joyentcloud.com';

/** py-smartdc's default location. */
export const DEFAULT_LOCATION = 'us-west-1';

/** py-smartdc's KNOWN_LOCATIONS (historic Joyent public-cloud datacenters). */
export const KNOWN_LOCATIONS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(['us-east-1', 'us-east-2', 'us-east-3', 'us-sw-1', 'us-west-1', 'eu-ams-1'].map((l) => [l, `https://${l}${API_HOST_SUFFIX}`])),
);

/** py-smartdc's TELEFONICA_LOCATIONS (opt in with `knownLocations`). */
export const TELEFONICA_LOCATIONS: Readonly<Record<string, string>> = Object.freeze({
  London: 'https://api-eu-lon-1.instantservers.telefonica.com',
  'eu-lon-1': 'https://api-eu-lon-1.instantservers.telefonica.com',
  Madrid: 'https://api-eu-mad-1.instantservers.telefonica.com',
  'eu-mad-1': 'https://api-eu-mad-1.instantservers.telefonica.com',
});

/**
 * A location's base URL, by py-smartdc's rules: a key of `known` → its URL; a name with a `.`
 * (or `localhost`) → `https://<location>`; otherwise `https://<location>.api.joyentcloud.com`.
 */
export function resolveLocation(location: string, known: Readonly<Record<string, string>> = KNOWN_LOCATIONS): string {
  if (!location) throw new ConfigError('triton: empty location');
  if (Object.prototype.hasOwnProperty.call(known, location)) return stripSlash(known[location]!);
  if (location.includes('.') || location === 'localhost') return `https://${location}`;
  return `https://${location}${API_HOST_SUFFIX}`;
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
