import { ConfigError } from '../../core/errors/config-error.js';
import type { SharingPermissions } from './options.js';

/** `until` as the server needs it: integer Unix seconds (kamaki's float is silently ignored there). */
export function untilSeconds(until: number | Date | undefined, where: string): number | undefined {
  if (until === undefined) return undefined;
  const seconds = until instanceof Date ? Math.floor(until.getTime() / 1000) : until;
  if (!Number.isFinite(seconds) || seconds < 0) throw new ConfigError(`${where}: until must be a Date or non-negative Unix seconds`);
  return Math.floor(seconds);
}

/** An HTTP date header value. */
export function httpDate(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toUTCString() : value;
}

/** `{ read: [...], write: [...] }` → `read=a,b;write=c` (empty → '' which removes all permissions). */
export function sharingHeader(p: SharingPermissions | undefined | null | false): string | undefined {
  if (p === undefined) return undefined;
  if (p === null || p === false) return '';
  const parts: string[] = [];
  if (p.read && p.read.length) parts.push(`read=${p.read.join(',')}`);
  if (p.write && p.write.length) parts.push(`write=${p.write.join(',')}`);
  return parts.join(';');
}

/** `read=a,b; write=c` → `{ read: 'a,b', write: 'c' }` (kamaki's `get_object_sharing` shape: strings). */
export function parseSharingHeader(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** The public URL from `X-Object-Public`: absolute, or a path made absolute against the endpoint. */
export function absolutePublicUrl(value: string | undefined, endpoint: string): string | undefined {
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) return value;
  return `${new URL(endpoint).origin}${value.startsWith('/') ? '' : '/'}${value}`;
}
