import type { PathsWithMethod } from 'openapi-typescript-helpers';
import type { OpsClient } from '../core/client.js';
import { DryRunSignal, type DryRunRequest } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { Redactor } from '../core/redact.js';
import type { TimeoutOptions } from '../core/types.js';
import type { paths } from './generated/timesys-llapi.js';
import { operations } from './generated/timesys-llapi.meta.js';
import { unsendable } from './safe-text.js';
import { EXPECT, type LlapiAuthHandler } from './signing/auth.js';
import { llapiMessage } from './signing/message.js';
import { pyStr, type LlapiParams, type LlapiScalar, type LlapiValue } from './signing/python-str.js';
import { encodePairs, encodePathParam, FORM_CONTENT_TYPE, sortPairs, toPairs } from './signing/wire.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One LLAPI request as a facade describes it: a method and path the spec has (checked at compile
 * time), raw path parameters, and the endpoint's parameters in upstream's insertion order.
 */
export type LlapiCall = {
  [M in Method]: {
    method: Uppercase<M>;
    path: PathsWithMethod<paths, M>;
    pathParams?: Readonly<Record<string, string>>;
    params?: LlapiParams;
    /** Resolve with the raw body bytes instead of parsed JSON. */
    bytes?: boolean;
    /** Operation name for errors and logs, when it differs from the spec's operationId. */
    op?: string;
    timeout?: number | TimeoutOptions | undefined;
    signal?: AbortSignal | undefined;
  };
}[Method];

/**
 * Puts a facade's parameters on the wire the way upstream does: a form body in insertion order for
 * POST, a key-sorted query for everything else, null and undefined dropped. The auth step then adds
 * `email` and signs (see `llapiAuth`).
 */
export class LlapiTransport {
  readonly #client: OpsClient<paths>;
  readonly #email: string;
  /** The client's auth step, told of each request before it reaches it (see `EXPECT`). */
  readonly #auth: LlapiAuthHandler;
  readonly #reveal: boolean;
  readonly #secrets: () => Iterable<string>;
  /** Knows the public names and no value: each dry run forks it and adds the current secrets. */
  readonly #names: Redactor;
  /** See {@link LlapiTransport.#spellingsOf}. */
  readonly #spellings = new Map<string, readonly string[]>();

  /**
   * @param secrets - every value the client treats as secret (the key, the caller's `secrets`, the
   *   signatures produced so far), read at each dry run.
   * @param publicNames - the client's `publicNames`: secret-looking names that are identifiers.
   */
  constructor(
    client: OpsClient<paths>,
    email: string,
    options: { auth: LlapiAuthHandler; reveal: boolean; secrets: () => Iterable<string>; publicNames: readonly string[] },
  ) {
    this.#client = client;
    this.#auth = options.auth;
    this.#email = email;
    this.#reveal = options.reveal;
    this.#secrets = options.secrets;
    this.#names = new Redactor([], undefined, options.publicNames);
  }

  async send<T>(call: LlapiCall): Promise<T> {
    // Upstream's request: the parameters with `email` last (a caller's own `email` replaced), as a
    // form body in that order for POST, as a key-sorted query otherwise; signed over the raw path.
    const data = withEmail(call.params ?? {}, this.#email);
    for (const name in data) {
      const value = data[name];
      // quote_plus would throw a raw URIError on a lone surrogate; say which parameter instead.
      if (Array.isArray(value) ? value.some(unsendable) : unsendable(value)) {
        throw new ConfigError(`${opName(call)}: parameter "${name}" contains a lone UTF-16 surrogate, which has no UTF-8 form; nothing was sent`);
      }
    }
    const post = call.method === 'POST';
    const wire = encodePairs(post ? toPairs(data) : sortPairs(toPairs(data)));
    const path = fillPath((v) => v)(call.path, call.pathParams ?? {});
    const message = llapiMessage(call.method, path, data);
    // The auth step signs the wire it is handed; told the message now, it need not rebuild it.
    this.#auth[EXPECT](call.method, path, wire, message);
    const init: Record<string, unknown> = {
      params: post ? { path: call.pathParams ?? {} } : { path: call.pathParams ?? {}, query: data },
      pathSerializer: fillPath(encodePathParam),
      opskit: { op: call.op, timeout: call.timeout, signal: call.signal },
    };
    if (post) {
      init.body = data;
      init.bodySerializer = () => wire;
      init.headers = { 'content-type': FORM_CONTENT_TYPE };
    } else {
      init.querySerializer = () => wire;
    }
    if (call.bytes) init.parseAs = 'arrayBuffer';
    const fetchFn = this.#client.api[call.method] as unknown as (path: string, init: unknown) => Promise<{ response: Response }>;
    try {
      const data = await this.#client.unwrap(fetchFn(call.path, init));
      return (call.bytes ? new Uint8Array(data as ArrayBuffer) : data) as T;
    } catch (e) {
      if (e instanceof DryRunSignal) this.#describe(e.request, call, data, message);
      throw e;
    }
  }

  /**
   * Adds upstream's dry-run fields: `data` (the parameters with `email` last, native values) and
   * `hmacMsg` (the exact signed text, also `signed`). Built from the caller's values, so the
   * identifiers `publicNames` lists (group, folder, manifest, report tokens) show as upstream shows
   * them. One value, one treatment: every value that is secret anywhere in the record (a registered
   * secret such as the key, or the value of a secret-named parameter in the query, body or path) is
   * scrubbed from every field of it — `url`, `headers`, `body`, `data`, `hmacMsg`, `signed` —
   * so a redacted body field can never reappear in the signed message.
   */
  #describe(request: DryRunRequest, call: LlapiCall, data: Record<string, LlapiValue>, message: string): void {
    if (this.#reveal) {
      request.data = data;
      request.hmacMsg = message;
      request.signed = message;
      return;
    }
    // Values of secret-named parameters become secrets of this record too. No LLAPI parameter has
    // such a name today (every `*_token` is a public name); this keeps a new one from slipping out.
    const secretNamed = (name: string) => this.#names.isSecretName(name);
    const learned = Object.keys(data).some(secretNamed) || Object.keys(call.pathParams ?? {}).some(secretNamed);
    // The usual case: no secret in any form appears in the message, which holds every string of
    // `data`, so there is nothing to scrub here, and the core has already treated url, body and
    // headers with these same secrets.
    const secrets = [...this.#secrets()];
    if (!learned && !this.#mentionsAny(message, secrets)) {
      request.data = data;
      request.hmacMsg = message;
      request.signed = message;
      return;
    }
    const redactor = this.#names.fork();
    for (const secret of secrets) redactor.add(secret);
    const learn = (name: string, value: LlapiValue) => {
      if (!redactor.isSecretName(name)) return;
      for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined) redactor.add(pyStr(v as LlapiScalar));
    };
    for (const [name, value] of Object.entries(data)) learn(name, value);
    for (const [name, value] of Object.entries(call.pathParams ?? {})) learn(name, value);
    request.data = redactor.value(data);
    const shown = redactor.scrub(message);
    request.hmacMsg = shown;
    request.signed = shown;
    // The core already scrubbed url, body and headers with these same secrets (and the query and
    // form fields it found secret-named); only what was learned here is new to them.
    if (!learned) return;
    request.url = redactor.scrub(request.url);
    if (typeof request.body === 'string') request.body = redactor.scrub(request.body);
    request.headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, redactor.scrub(v)]));
  }

  /**
   * Whether `text` holds any of `secrets` in a form the core's redactor scrubs (as is, percent-encoded,
   * form-encoded). Errs on the side of yes (no minimum length), which only costs the full treatment.
   */
  #mentionsAny(text: string, secrets: readonly string[]): boolean {
    for (const secret of secrets) {
      const spellings = this.#spellingsOf(secret);
      for (const s of spellings) if (text.includes(s)) return true;
    }
    return false;
  }

  /**
   * A secret's spellings, kept for the few secrets a client has at once (its key and its latest
   * signatures): every dry run checks the same ones, and encoding them each time cost more than
   * the check.
   */
  #spellingsOf(secret: string): readonly string[] {
    const known = this.#spellings.get(secret);
    if (known) return known;
    const value = secret.trim();
    const encoded = encodeURIComponent(value);
    const spellings = value === '' ? [] : [value, encoded, encoded.replace(/%20/g, '+')];
    if (this.#spellings.size >= 16) this.#spellings.delete(this.#spellings.keys().next().value as string);
    this.#spellings.set(secret, spellings);
    return spellings;
  }
}

/** The call's name for messages: its own `op`, else the spec's operationId. */
function opName(call: LlapiCall): string {
  const table = operations as Readonly<Record<string, { operationId: string } | undefined>>;
  return call.op ?? table[`${call.method} ${call.path}`]?.operationId ?? call.path;
}

/**
 * The parameters without null/undefined, order kept (upstream signs `None`; see docs/compat.md),
 * and `email` last. Built afresh rather than copied and `delete`d: a deletion turns an object
 * into a slow dictionary for everything that reads it after.
 */
function withEmail(params: LlapiParams, email: string): Record<string, LlapiValue> {
  const out: Record<string, LlapiValue> = {};
  // Lists are copied: the dry-run record holds them, and must not change when the caller's do.
  for (const k of Object.keys(params)) {
    const v = params[k];
    if (v !== null && v !== undefined && k !== 'email') out[k] = Array.isArray(v) ? [...(v as LlapiScalar[])] : v;
  }
  out.email = email;
  return out;
}

/** Replaces `{name}` placeholders, encoding each value with `encode`. */
function fillPath(encode: (value: string) => string) {
  return (template: string, values: Readonly<Record<string, unknown>>): string =>
    template.includes('{')
      ? template.replace(/\{([^}]+)\}/g, (m, name: string) => (values[name] === undefined ? m : encode(String(values[name]))))
      : template;
}
