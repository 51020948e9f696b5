import { createClient, type OpsClient } from '../core/client.js';
import type { CoreOptions } from '../core/types.js';
import { mistAuth, type MistAuthState } from './auth.js';
import { mistErrorDetails } from './errors/error-text.js';
import { mistErrorFor } from './errors/error-for.js';
import { operations } from './generated/mist.meta.js';
import type { paths } from './generated/mist.js';

/** The typed low-level mist.io client (openapi-fetch over opskit's pipeline). */
export type MistApi = OpsClient<paths>;

/** Options of {@link createMistApi}. */
export interface MistApiOptions extends CoreOptions {
  /** Installation URL without a trailing slash, e.g. `https://mist.io`. */
  baseUrl: string;
  /** The shared auth state; without one, requests carry no Authorization header. */
  auth?: MistAuthState;
}

/**
 * Field names that look secret to the redactor but are key *names* here (`key` in create-machine
 * and probe bodies, `machine_key` when adding a bare-metal backend): dry runs and logs show them.
 */
export const MIST_PUBLIC_NAMES: readonly string[] = Object.freeze(['key', 'machine_key']);

/**
 * A typed client for every mist.io operation: text errors become typed errors
 * (`MistNotFoundError`, …) with the server's title and detail, and the shared auth state signs
 * each attempt. In dry-run mode the upper-case helpers throw the dry-run signal rather than resolve
 * (facades post-process results; `dryRunnable` on the facade turns the signal into the value).
 */
export function createMistApi(options: MistApiOptions): MistApi {
  const { auth, ...core } = options;
  const client = createClient<paths>({
    ...core,
    operations,
    publicNames: [...MIST_PUBLIC_NAMES, ...(core.publicNames ?? [])],
    errorDetails: mistErrorDetails,
    errorFactory: mistErrorFor,
    ...(auth ? { auth: mistAuth(auth) } : {}),
  });
  if (!options.dryRun) return client;
  const strict = (name: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS') =>
    ((url: string, init?: unknown) => client.unwrap((client.api[name] as (u: string, i?: unknown) => Promise<{ response: Response }>)(url, init))) as never;
  return { ...client, GET: strict('GET'), PUT: strict('PUT'), POST: strict('POST'), DELETE: strict('DELETE'), PATCH: strict('PATCH'), HEAD: strict('HEAD'), OPTIONS: strict('OPTIONS') };
}
