import { createClient, defaultErrorDetails, type OpsClient } from '../core/client.js';
import type { CoreOptions } from '../core/types.js';
import type { HttpSigner } from '../crypto/http-signature/signer.js';
import { checkTritonAuthOptions, tritonAuth, type DateHeaderMode } from './auth.js';
import { checkHeaders } from '../core/header-safe.js';
import { operations } from './generated/triton-cloudapi.meta.js';
import type { paths } from './generated/triton-cloudapi.js';
import { tritonQuery } from './query.js';
import { DEFAULT_ACCEPT_VERSION } from './version.js';

/** The typed low-level CloudAPI client (openapi-fetch over opskit's pipeline). */
export type TritonApi = OpsClient<paths>;

/** Options of {@link createTritonClient}. */
export interface TritonClientOptions extends CoreOptions {
  baseUrl: string;
  /** Without a signer, requests go unsigned (only `GET /--ping` answers then). */
  signer?: HttpSigner | undefined;
  keyId?: string | undefined;
  acceptVersion?: string | undefined;
  dateHeader?: DateHeaderMode | undefined;
  signHeaders?: readonly string[] | undefined;
}

/**
 * `{code, message}` bodies as the core expects; a 410 body is the deleted machine itself, which
 * becomes code `Gone`.
 */
export function tritonErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  if (body && typeof body === 'object' && 'id' in body && 'state' in body && !('code' in body)) {
    const m = body as { id: unknown; state: unknown };
    return { code: 'Gone', message: `machine ${String(m.id)} is ${String(m.state)}` };
  }
  return defaultErrorDetails(body);
}

/**
 * In dry-run mode the core's upper-case helpers resolve with the DryRunRequest. Facade methods
 * post-process results (wrap machines, filter lists), so here they throw the dry-run signal
 * instead; DataCenter's `dryRunnable` wrapper turns it back into the resolved request at the
 * outermost call.
 */
function throwingDryRun(client: TritonApi): TritonApi {
  const strict = (name: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS') =>
    ((url: string, init?: unknown) => client.unwrap((client.api[name] as (u: string, i?: unknown) => Promise<{ response: Response }>)(url, init))) as never;
  return { ...client, GET: strict('GET'), PUT: strict('PUT'), POST: strict('POST'), DELETE: strict('DELETE'), PATCH: strict('PATCH'), HEAD: strict('HEAD'), OPTIONS: strict('OPTIONS') };
}

/** A typed client for every CloudAPI operation, signing each attempt when given a signer. */
export function createTritonClient(options: TritonClientOptions): TritonApi {
  const client = createPlainClient(options);
  return options.dryRun ? throwingDryRun(client) : client;
}

function createPlainClient(options: TritonClientOptions): TritonApi {
  const { signer, keyId, acceptVersion, dateHeader, signHeaders, ...core } = options;
  // Checked here too (not only in tritonAuth): unsigned clients send Accept-Version and headers as well.
  checkTritonAuthOptions('createTritonClient', { keyId, acceptVersion, dateHeader, signHeaders });
  checkHeaders('createTritonClient', core.headers);
  return createClient<paths>({
    ...core,
    operations,
    errorDetails: tritonErrorDetails,
    querySerializer: tritonQuery as never,
    ...(signer && keyId
      ? { auth: tritonAuth({ keyId, signer, ...(acceptVersion ? { acceptVersion } : {}), ...(dateHeader ? { dateHeader } : {}), ...(signHeaders ? { signHeaders } : {}) }) }
      : {
          // Unsigned calls still negotiate a version.
          auth: (req) => {
            if (!req.headers.has('accept-version')) req.headers.set('accept-version', acceptVersion ?? DEFAULT_ACCEPT_VERSION);
            if (!req.headers.has('accept')) req.headers.set('accept', 'application/json');
          },
        }),
  });
}
