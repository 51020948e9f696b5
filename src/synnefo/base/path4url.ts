/**
 * kamaki's `path4url(*segments)` (protocol §1.2): the segments joined with `/`, every `//`
 * collapsed, one leading `/` and no trailing one; empty segments vanish. Nothing is quoted here:
 * the client quotes the whole path once, with Python 2 rules (see {@link quote}).
 *
 * ```ts
 * path4url('servers', '') // '/servers'
 * path4url('/a/', 'b', 42) // '/a/b/42'
 * ```
 */
export function path4url(...segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '';
  let r = ['', ...segments.map(String)].join('/');
  while (r.includes('//')) r = r.replace(/\/\//g, '/');
  return `/${r.replace(/^\/+|\/+$/g, '')}`;
}

/**
 * An identifier for a path parameter: numbers become their decimal text; anything else is passed
 * on as it is, so the core's path check refuses an object, `null` or a hostile string instead of
 * `String()` turning them into `[object Object]` or `null` and a request to the wrong resource.
 */
export function pathId(value: string | number): string {
  return (typeof value === 'number' ? String(value) : value) as string;
}
