import type { PathsWithMethod } from 'openapi-typescript-helpers';
import type { OpsClient } from '../core/client.js';
import { DryRunSignal, type DryRunRequest } from '../core/dry-run.js';
import type { TimeoutOptions } from '../core/types.js';
import type { paths } from './generated/timesys-llapi.js';
import { llapiMessage } from './signing/message.js';
import type { LlapiParams, LlapiValue } from './signing/python-str.js';
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
  readonly #reveal: boolean;

  constructor(client: OpsClient<paths>, email: string, reveal: boolean) {
    this.#client = client;
    this.#email = email;
    this.#reveal = reveal;
  }

  async send<T>(call: LlapiCall): Promise<T> {
    const params = compact(call.params ?? {});
    const post = call.method === 'POST';
    const init: Record<string, unknown> = {
      params: post ? { path: call.pathParams ?? {} } : { path: call.pathParams ?? {}, query: params },
      pathSerializer: fillPath(encodePathParam),
      opskit: { op: call.op, timeout: call.timeout, signal: call.signal },
    };
    if (post) {
      init.body = params;
      init.bodySerializer = (body: LlapiParams) => encodePairs(toPairs(body));
      init.headers = { 'content-type': FORM_CONTENT_TYPE };
    } else {
      init.querySerializer = (query: LlapiParams) => encodePairs(sortPairs(toPairs(query)));
    }
    if (call.bytes) init.parseAs = 'arrayBuffer';
    const fetchFn = this.#client.api[call.method] as unknown as (path: string, init: unknown) => Promise<{ response: Response }>;
    try {
      const data = await this.#client.unwrap(fetchFn(call.path, init));
      return (call.bytes ? new Uint8Array(data as ArrayBuffer) : data) as T;
    } catch (e) {
      if (e instanceof DryRunSignal) this.#describe(e.request, call, params);
      throw e;
    }
  }

  /**
   * Adds upstream's dry-run fields: `data` (the parameters with `email` last, native values) and
   * `hmacMsg` (the exact signed text). Built from the caller's values, so identifiers such as group
   * tokens show as upstream shows them; only registered secrets (the key) are scrubbed.
   */
  #describe(request: DryRunRequest, call: LlapiCall, params: Record<string, LlapiValue>): void {
    const data: Record<string, LlapiValue> = { ...params };
    delete data.email;
    data.email = this.#email;
    const message = llapiMessage(call.method, fillPath((v) => v)(call.path, call.pathParams ?? {}), data);
    const show = (text: string) => (this.#reveal ? text : this.#client.scrub(text));
    request.data = this.#reveal ? data : Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? show(v) : v]));
    request.hmacMsg = show(message);
    request.signed = show(message);
  }
}

/** Parameters without null/undefined, order kept (upstream signs `None`; see docs/compat.md). */
function compact(params: LlapiParams): Record<string, LlapiValue> {
  const out: Record<string, LlapiValue> = {};
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** Replaces `{name}` placeholders, encoding each value with `encode`. */
function fillPath(encode: (value: string) => string) {
  return (template: string, values: Readonly<Record<string, unknown>>): string =>
    template.replace(/\{([^}]+)\}/g, (m, name: string) => (values[name] === undefined ? m : encode(String(values[name]))));
}
