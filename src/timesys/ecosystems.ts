import { ECOSYSTEMS } from './constants.js';

/**
 * Upstream's `ecosystems` handling (protocols §3.3): `all` (any case) becomes the full list; otherwise
 * the comma-separated names are stripped, unknown ones (matched case-sensitively) dropped with a
 * warning, and the rest joined with `,` and no spaces. Returns undefined when nothing is left.
 */
export function expandEcosystems(value: string | readonly string[], warn: (message: string) => void): string | undefined {
  const text = typeof value === 'string' ? value : value.join(',');
  if (text.trim().toLowerCase() === 'all') return ECOSYSTEMS.join(',');
  const known = new Set<string>(ECOSYSTEMS);
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) warn(`Invalid ecosystems will be ignored: ${unknown.join(', ')}`);
  const kept = names.filter((n) => known.has(n));
  return kept.length ? kept.join(',') : undefined;
}
