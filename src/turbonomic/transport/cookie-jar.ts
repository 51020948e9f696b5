/**
 * The session cookies of one connection. Node, Deno and Bun's fetch keep no cookies, so opskit
 * keeps Turbonomic's `JSESSIONID` itself. In browsers `Set-Cookie` is invisible to scripts and the
 * jar stays empty: the browser's own cookie store carries the session instead.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  readonly #now: () => number;

  /** @param now - the client's clock, for `Expires` (default `Date.now`). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Takes the `Set-Cookie` lines of a response; an expired or emptied cookie is dropped. */
  store(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attributes.some((a) => isExpiry(a, this.#now()))) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The `Cookie` header value, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }

  /** The value of one cookie. */
  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  get size(): number {
    return this.#cookies.size;
  }

  /** Cookie values, for redaction. */
  values(): string[] {
    return [...this.#cookies.values()];
  }

  clear(): void {
    this.#cookies.clear();
  }
}

/** `Max-Age=0` (or negative) and an `Expires` in the past both delete a cookie. */
function isExpiry(attribute: string, now: number): boolean {
  const [rawName = '', ...rest] = attribute.split('=');
  const name = rawName.trim().toLowerCase();
  const value = rest.join('=').trim();
  if (name === 'max-age') return Number(value) <= 0;
  if (name === 'expires') {
    const at = Date.parse(value);
    return !Number.isNaN(at) && at <= now;
  }
  return false;
}
