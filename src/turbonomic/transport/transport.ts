import { createClient, type OpsClient } from '../../core/client.js';
import { NetworkError } from '../../core/errors/network-error.js';
import type { AuthHandler, CoreOptions, TimeoutOptions } from '../../core/types.js';
import { turboErrorDetails, turboErrorFor } from '../errors/error-for.js';
import { VMTConnectionError } from '../errors/vmt-connection-error.js';
import type { paths } from '../generated/turbonomic.js';
import { operations } from '../generated/turbonomic.meta.js';
import { TurboPaged } from '../paging/turbo-paged.js';
import { parseJsonBytes } from './json-bytes.js';
import { serializeQuery, type Query } from './query.js';

/** HTTP methods the Turbonomic API uses. */
export type TurboMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request, described the way upstream's `request()` sees it. */
export interface CallSpec {
  method: TurboMethod;
  /** Path template of the spec, relative to the base: `/markets/{uuid}/entities`. */
  path: string;
  /** Values of the template's `{…}` parameters (checked and encoded by the core). */
  params?: Readonly<Record<string, string>>;
  /** Operation name for errors and logs when the path is not one of the spec's (`request()`). */
  op?: string | undefined;
  /** The method's own query parameters, in wire order. */
  query?: Query;
  /** JSON body: an object is serialised, a string is sent as is (upstream's JSON-string DTOs). */
  body?: unknown;
  /** Page size for this call (wins over the connection's `resultsLimit`). */
  limit?: number | undefined;
  /** Override the connection's `disable_hateoas` for this call. */
  disableHateoas?: boolean | undefined;
  /** Use the client without session auth (`admin/versions`, `login`). */
  anonymous?: boolean;
  signal?: AbortSignal | undefined;
  timeout?: number | TimeoutOptions | undefined;
}

/** Per-call options every facade method accepts. */
export interface RequestOptions {
  /** Page size (`limit=`); 0 means unset. */
  limit?: number | undefined;
  /** Override the connection's `disable_hateoas` for this call. */
  disableHateoas?: boolean | undefined;
  signal?: AbortSignal | undefined;
  timeout?: number | TimeoutOptions | undefined;
}

/** What a transport needs from its connection. */
export interface TransportOptions extends CoreOptions {
  /** `https://host[:port]`. */
  origin: string;
  /** `/api/v3/` etc., with both slashes. */
  basePath: string;
  disableHateoas: boolean;
  resultsLimit: number;
  auth: AuthHandler;
  /** fetch for session calls and for anonymous ones (the latter stops redirects). */
  sessionFetch: (request: Request) => Promise<Response>;
  anonymousFetch: (request: Request) => Promise<Response>;
}

/** `string` bodies are JSON text already (upstream's `dto` strings); FormData goes as multipart. */
function bodySerializer(body: unknown): string | FormData {
  if (typeof body === 'string' || body instanceof FormData) return body;
  return JSON.stringify(body);
}

/**
 * Turns CallSpecs into requests through opskit's pipeline, on one base URL. Two typed clients:
 * one signing with the session, one anonymous for the bootstrap calls.
 */
export class Transport {
  readonly baseUrl: string;
  readonly #options: TransportOptions;
  readonly #session: OpsClient<paths>;
  readonly #anonymous: OpsClient<paths>;

  constructor(options: TransportOptions) {
    this.#options = options;
    // openapi-fetch joins baseUrl and the spec's `/path`, so the base loses its trailing slash.
    this.baseUrl = `${options.origin}${options.basePath.replace(/\/+$/, '')}`;
    const { origin: _o, basePath: _b, disableHateoas: _d, resultsLimit: _r, auth, sessionFetch, anonymousFetch, ...core } = options;
    const common = {
      ...core,
      baseUrl: this.baseUrl,
      operations,
      headers: { accept: 'application/json', ...core.headers },
      errorFactory: turboErrorFor,
      errorDetails: turboErrorDetails,
      querySerializer: (q: unknown) => serializeQuery(q as Query),
      bodySerializer,
    };
    this.#session = createClient<paths>({ ...common, auth, fetch: sessionFetch });
    this.#anonymous = createClient<paths>({ ...common, fetch: anonymousFetch, secrets: [...(core.secrets ?? []), ...(auth.secrets?.() ?? [])] });
  }

  /** The wire query of a call: its own parameters, then `limit`, `disable_hateoas`, `cursor`. */
  queryOf(spec: CallSpec, cursor?: string): Query {
    const limit = spec.limit || this.#options.resultsLimit || undefined;
    const hateoas = spec.disableHateoas ?? (spec.anonymous ? false : this.#options.disableHateoas);
    return {
      ...spec.query,
      ...(limit ? { limit } : {}),
      ...(hateoas ? { disable_hateoas: true } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
    };
  }

  /** Sends one request; resolves with the parsed body and the response, or throws a typed error. */
  async send<T = unknown>(spec: CallSpec, cursor?: string): Promise<{ data: T; response: Response }> {
    const client = spec.anonymous ? this.#anonymous : this.#session;
    const init = {
      params: { path: spec.params ?? {}, query: this.queryOf(spec, cursor) },
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      // Bytes, parsed below element by element (see parseJsonBytes): pages stay off V8's large-object space.
      parseAs: 'arrayBuffer',
      opskit: { signal: spec.signal, timeout: spec.timeout, ...(spec.op !== undefined ? { op: spec.op } : {}) },
    };
    const call = (client.api as unknown as Record<TurboMethod, (path: string, init: unknown) => Promise<{ response: Response }>>)[spec.method](spec.path, init);
    try {
      const raw = (await client.unwrap(call)) as ArrayBuffer | undefined;
      const { response } = await call;
      const data = (raw === undefined || raw.byteLength === 0 ? undefined : parseJsonBytes(new Uint8Array(raw), this.#opOf(spec))) as T;
      return { data, response };
    } catch (e) {
      // Upstream wraps connection failures in VMTConnectionError; keep the NetworkError as the cause.
      if (e instanceof NetworkError) throw new VMTConnectionError(e.message, { cause: e, code: 'NETWORK' });
      throw e;
    }
  }

  #opOf(spec: CallSpec): string {
    return operations[`${spec.method} ${spec.path}` as keyof typeof operations]?.operationId ?? `${spec.method} ${spec.path}`;
  }

  /** Sends one request and normalises the body as upstream does: an object becomes `[object]`, nothing becomes `[]`. */
  async call<T = unknown>(spec: CallSpec): Promise<T[]> {
    const { data } = await this.send<unknown>(spec);
    return toList<T>(data);
  }

  /** A cursor-paged list of the call (POST bodies are re-sent unchanged for every page). */
  list<T = unknown>(spec: CallSpec, keep?: (item: T) => boolean): TurboPaged<T> {
    return new TurboPaged<T>(async (cursor, signal) => {
      const { data, response } = await this.send({ ...spec, signal: signal ?? spec.signal }, cursor);
      return { body: data, headers: response.headers };
    }, keep);
  }

  /** Scrubs this connection's secrets from text. */
  scrub(text: string): string {
    return this.#session.scrub(text);
  }
}

/** Upstream's response normalisation. */
export function toList<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data === undefined || data === null || data === '') return [];
  return [data as T];
}
