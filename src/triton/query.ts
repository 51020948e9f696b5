const enc = (s: string) => encodeURIComponent(s);

/**
 * Query-string serialiser for CloudAPI: objects become dotted keys (`tag.role=db`, as ListMachines
 * wants), arrays comma lists, booleans `true`/`false`; undefined and null are left out.
 */
export function tritonQuery(query: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) parts.push(`${enc(key)}=${enc(value.map(String).join(','))}`);
    else if (typeof value === 'object') {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined && v !== null) parts.push(`${enc(key)}.${enc(sub)}=${enc(String(v))}`);
      }
    } else parts.push(`${enc(key)}=${enc(String(value))}`);
  }
  return parts.join('&');
}
