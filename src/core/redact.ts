/**
 * Secret redaction for logs, errors and dry runs.
 *
 * Two passes: names first (headers, query parameters, JSON/form fields that look secret), then
 * values: every secret found by name, and every secret a client registers (keys, passwords),
 * is scrubbed from every other string (URLs, signing inputs, messages). The value pass is what
 * keeps a password out of a signing string or an echoed error body.
 */
export const REDACTED = '[REDACTED]';

/** Header names whose values are always secret. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-auth-token',
  'x-auth-signature',
  'x-api-key',
  'x-subject-token',
]);

/** Field and parameter names that look secret (password, token, key, secret, …). */
export const SECRET_NAME = /pass(word|wd|phrase)?|token|secret|key|cookie|signature|credential|session|auth/i;

const MIN_SCRUB_LENGTH = 4;

/** How many secrets' spellings a client's redactors keep ready (its keys and latest signatures fit many times). */
const SPELLINGS_CACHED = 64;

/** A clock of secret additions across all redactors, so a child sees when its parent learned one. */
let changes = 0;

/** Collects secret values and scrubs them from text. */
export class Redactor {
  /** Each secret with the spellings it travels in (as is, percent-encoded, form-encoded), made once in add(). */
  readonly #values = new Map<string, readonly string[]>();
  readonly #parent: Redactor | undefined;
  /** When this redactor or an ancestor last learned a secret (a tick of `changes`). */
  #changedAt = 0;
  /** Own and inherited spellings, longest secret first (so a secret that contains another is replaced whole), and the tick they were merged at. */
  #merged: { at: number; list: readonly (readonly string[])[] } | undefined;

  /** Names that look secret but are public identifiers for this API (e.g. Vigiles' `folder_token`). */
  readonly #publicNames: ReadonlySet<string>;
  /**
   * Spellings of the values this redactor's family learned lately, shared by the root and every
   * fork: each call forks a redactor and adds the same key and recent signatures again, and
   * encoding them anew was the costliest part of that. Bounded; it lives as long as the client.
   */
  readonly #spellings: Map<string, readonly string[]>;

  constructor(secrets: Iterable<string | undefined> = [], parent?: Redactor, publicNames: Iterable<string> = []) {
    this.#parent = parent;
    this.#publicNames = parent ? parent.#publicNames : new Set([...publicNames].map((n) => n.toLowerCase()));
    this.#spellings = parent ? parent.#spellings : new Map();
    for (const s of secrets) this.add(s);
  }

  /** True when a header's value is a credential (the fixed list, or a secret-looking name). */
  isSecretHeader(name: string): boolean {
    const lower = name.toLowerCase();
    return SECRET_HEADERS.has(lower) || this.isSecretName(lower);
  }

  /** True when a header, parameter or field name holds a secret. */
  isSecretName(name: string): boolean {
    return SECRET_NAME.test(name) && !this.#publicNames.has(name.toLowerCase());
  }

  /** Remember a secret value so `scrub` removes it wherever it appears. Short values are ignored. */
  add(value: string | undefined | null): void {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length >= MIN_SCRUB_LENGTH && !this.#values.has(v)) {
      this.#values.set(v, this.#spellingsOf(v));
      this.#changedAt = ++changes;
    }
  }

  /** `v` as is, percent-encoded and form-encoded (duplicates dropped), from the shared cache when seen lately. */
  #spellingsOf(v: string): readonly string[] {
    const cache = this.#spellings;
    const known = cache.get(v);
    if (known) return known;
    const enc = encodeURIComponent(v);
    const form = enc.replace(/%20/g, '+');
    const spellings = enc === v ? [v] : form === enc ? [v, enc] : [v, enc, form];
    if (cache.size >= SPELLINGS_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(v, spellings);
    return spellings;
  }

  /**
   * A child that knows this redactor's secrets (now and later) plus its own; per-request secrets
   * then stay per request. Cheap: nothing is copied.
   */
  fork(): Redactor {
    return new Redactor([], this);
  }

  /** The latest tick at which this redactor or an ancestor learned a secret. */
  #lastChange(): number {
    const parent = this.#parent ? this.#parent.#lastChange() : 0;
    return parent > this.#changedAt ? parent : this.#changedAt;
  }

  // Merged once per change, not per scrub: a dry run or a log event scrubs a dozen strings with the
  // same secrets, and sorting and re-encoding them each time was a tenth of a Timesys call.
  #all(): readonly (readonly string[])[] {
    const at = this.#lastChange();
    if (this.#merged?.at === at) return this.#merged.list;
    const parent = this.#parent ? this.#parent.#all() : [];
    const own = [...this.#values.values()];
    const list = own.length === 0 ? parent : [...own, ...parent].sort((a, b) => b[0]!.length - a[0]!.length);
    this.#merged = { at, list };
    return list;
  }

  /** Replace every known secret value in `text`, longest first (so a prefix never leaves a tail). */
  scrub(text: string): string {
    if (!text) return text;
    const values = this.#all();
    let out = text;
    // Secrets also travel percent-encoded in URLs and form bodies: every spelling is replaced.
    for (const spellings of values) for (const v of spellings) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /** Header map with secret headers replaced; their values are remembered for scrubbing. */
  headers(headers: Headers, reveal = false): Record<string, string> {
    const out: Record<string, string> = {};
    headers.forEach((value, name) => {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower) || this.isSecretName(lower)) {
        this.add(value);
        // `Basic xxx`, `Bearer xxx`, `Signature keyId=…,signature="xxx"`: remember the credential part too.
        const space = value.indexOf(' ');
        if (space > 0) this.add(value.slice(space + 1));
        for (const m of value.matchAll(/signature="([^"]+)"/g)) this.add(m[1]);
        if (lower === 'cookie' || lower === 'set-cookie') {
          for (const part of value.split(/[;,]/)) this.add(part.split('=').slice(1).join('='));
        }
        out[lower] = reveal ? value : REDACTED;
      } else {
        out[lower] = value;
      }
    });
    if (reveal) return out;
    for (const k of Object.keys(out)) out[k] = this.scrub(out[k] as string);
    return out;
  }

  /** URL with secret query parameters replaced. */
  url(url: string, reveal = false): string {
    if (reveal) return url;
    // Most URLs carry no secret-looking parameter name: a query is a substring search away from
    // knowing that, and parsing it (new URL, searchParams) is a dry run's largest single cost.
    // Names with a `%` may decode to one, so they take the full parse.
    const q = url.indexOf('?');
    if (q < 0 || !this.#mayNameSecret(url.slice(q + 1).split('#', 1)[0]!)) return this.scrub(url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return this.scrub(url);
    }
    let changed = false;
    for (const [name, value] of parsed.searchParams) {
      if (this.isSecretName(name)) {
        this.add(value);
        changed = true;
      }
    }
    if (changed) {
      const names = [...new Set([...parsed.searchParams.keys()])];
      for (const name of names) {
        if (!this.isSecretName(name)) continue;
        const n = parsed.searchParams.getAll(name).length;
        parsed.searchParams.delete(name);
        for (let i = 0; i < n; i++) parsed.searchParams.append(name, REDACTED);
      }
    }
    return this.scrub(changed ? parsed.toString() : url);
  }

  /**
   * Whether a query or form (`a=1&b=2`) may have a secret-named field: a name that is secret, or
   * one whose encoding (`%`, `+`) could decode to a secret name. False needs no parse at all.
   */
  #mayNameSecret(pairs: string): boolean {
    if (!SECRET_NAME.test(pairs)) return false;
    for (const pair of pairs.split('&')) {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (name.includes('%') || name.includes('+') || this.isSecretName(name)) return true;
    }
    return false;
  }

  /** Deep copy of a JSON-like value with secret-named fields replaced and secret values scrubbed. */
  value(value: unknown, reveal = false, depth = 0): unknown {
    if (reveal) return value;
    if (depth > 32) return '[…]';
    if (typeof value === 'string') return this.scrub(value);
    if (Array.isArray(value)) return value.map((v) => this.value(v, false, depth + 1));
    if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const out: Record<string, unknown> = {};
      // Collect first, then scrub, so a secret field seen late still scrubs earlier siblings.
      for (const [k, v] of Object.entries(value)) if (this.isSecretName(k) && typeof v === 'string') this.add(v);
      for (const [k, v] of Object.entries(value)) {
        out[k] = this.isSecretName(k) && v !== null && v !== undefined && v !== '' ? REDACTED : this.value(v, false, depth + 1);
      }
      return out;
    }
    return value;
  }

  /**
   * A request body for display: JSON and forms have their secret fields redacted, other text is
   * scrubbed, binary stays bytes. Returns a string for text bodies.
   */
  body(body: Uint8Array | undefined, contentType: string | null, reveal = false): string | Uint8Array | undefined {
    if (!body) return undefined;
    const type = (contentType ?? '').toLowerCase();
    const text = decodeText(body, type);
    if (text === undefined) return body;
    if (reveal) return text;
    if (type.includes('json')) {
      try {
        return JSON.stringify(this.value(JSON.parse(text)));
      } catch {
        return this.scrub(text);
      }
    }
    if (type.includes('application/x-www-form-urlencoded')) {
      // The usual form names nothing secret: shown as sent, scrubbed of known values, unparsed.
      if (!this.#mayNameSecret(text)) return this.scrub(text);
      const params = new URLSearchParams(text);
      for (const [name, value] of params) if (this.isSecretName(name)) this.add(value);
      const parts: string[] = [];
      for (const [name, value] of params) {
        parts.push(`${encodeForm(name)}=${this.isSecretName(name) ? REDACTED : encodeForm(value)}`);
      }
      return this.scrub(parts.join('&'));
    }
    if (type.includes('multipart/form-data')) {
      // Each part: headers naming the field, a blank line, then the value up to the next boundary.
      const re = /name="([^"]*)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g;
      for (const m of text.matchAll(re)) if (this.isSecretName(m[1] ?? '')) this.add(m[2]);
      return this.scrub(text);
    }
    return this.scrub(text);
  }
}

function encodeForm(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

const TEXT_TYPE = /^text\/|json|xml|x-www-form-urlencoded|multipart\/form-data|javascript|yaml/;

let strictUtf8: TextDecoder | undefined;

/** Decode a body as UTF-8 when its type is textual (or absent and it decodes cleanly). */
export function decodeText(body: Uint8Array, contentType: string): string | undefined {
  if (contentType && !TEXT_TYPE.test(contentType)) return undefined;
  try {
    // One decoder for all: a non-streaming decode() starts afresh each call.
    strictUtf8 ??= new TextDecoder('utf-8', { fatal: true });
    return strictUtf8.decode(body);
  } catch {
    return undefined;
  }
}
