import type { Hono } from 'hono';
import type { Clock } from '../clock.js';
import type { RandomSource } from '../random.js';

/**
 * The contract between the Synnefo simulator's host (Astakos: users, tokens, catalog, quotas;
 * `create-synnefo-sim.ts`) and the services it mounts (compute, network, image, volume in
 * `./<service>/`, object storage in `../pithos/`). Each service is a hono app whose routes are
 * relative to its versioned root (`/servers`, not `/compute/v2.0/servers`); the host mounts it
 * under the path of its catalog endpoint and answers unknown URLs itself.
 */

/** A user of the simulated cloud. */
export interface SynnefoSimUser {
  /** Astakos uuid: the id every service stores as `user_id` and Pithos uses as the account. */
  readonly uuid: string;
  /** Display name (an e-mail address in Synnefo). */
  readonly name: string;
  /** The user's API token (a secret). */
  readonly token: string;
  /** The project quota is charged to when a call names none (Astakos `token.tenant.id`). */
  readonly defaultProject: string;
}

/** A Pithos object as other services (Plankton image registration) need to see it. */
export interface SimStoredObject {
  /** The object's UUID (a Plankton image id is the UUID of its object). */
  readonly uuid: string;
  readonly bytes: number;
  /** `X-Object-Hash`: the Merkle root of the block hashes, hex. */
  readonly hash: string;
  readonly contentType: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** What the object store lets other services read and change. */
export interface SimObjectStoreView {
  /** The current version of an object, or undefined when it does not exist. */
  find(account: string, container: string, name: string): SimStoredObject | undefined;
  /** Replace an object's read sharing list (Plankton: owner, plus `*` when public). */
  setReadSharing(account: string, container: string, name: string, readers: readonly string[]): void;
}

/** What every mounted service receives from the host. */
export interface SynnefoSimHost {
  readonly clock: Clock;
  readonly random: RandomSource;
  /**
   * The user making a request: token from the `X-Auth-Token` query parameter first, then the
   * header (Synnefo's order). Throws a 401 `unauthorized` fault (see {@link SynnefoFault}) when
   * there is none or it is unknown.
   */
  authenticate(request: Request): SynnefoSimUser;
  /** A user by uuid or by display name. */
  findUser(uuidOrName: string): SynnefoSimUser | undefined;
  /**
   * Charges (positive) or releases (negative) resources (`cyclades.vm`, `cyclades.cpu`,
   * `cyclades.ram`, `cyclades.disk`, `cyclades.floating_ip`, `cyclades.network.private`,
   * `pithos.diskspace`, …) to a user in a project (default: the user's default project) as an
   * auto-accepted Astakos commission. Throws a 413 `overLimit` fault when a limit would be
   * exceeded; nothing is charged then.
   */
  charge(user: SynnefoSimUser, changes: Readonly<Record<string, number>>, project?: string): void;
  /**
   * The public URL of a catalog service (`compute`, `network`, `image`, `volume`, `object-store`,
   * …): `<origin>/compute/v2.0`, `/network/v2.0`, `/image/v1.0`, `/volume/v2.0`, `/object-store/v1`.
   * The origin is the request's when one is given, else the one the latest request arrived on
   * (in-process `http://synnefo.sim.invalid`, or the served `http://127.0.0.1:PORT`).
   */
  serviceUrl(type: string, request?: Request): string;
  /** The object store (set once the object-store service is mounted). */
  readonly objects: SimObjectStoreView | undefined;
  /**
   * A user's limit and usage of a resource in a project (default: the user's default project),
   * or undefined when the user has no holding there. Optional: stand-alone hosts may lack it.
   */
  quota?(uuid: string, resource: string, project?: string): { limit: number; usage: number } | undefined;
  /** The `pithos.diskspace` limit of a user's default project (`X-Account-Policy-Quota`). Optional. */
  pithosQuota?(uuid: string): number | undefined;
}

/**
 * A mounted service: a hono app with routes relative to its versioned root. `options` are the
 * service's own, from `createSim('synnefo', { services: { <type>: options } })`.
 */
export type SynnefoSimService<O = Record<string, unknown>> = (host: SynnefoSimHost, options?: O) => Hono;

/**
 * Thrown inside a service to answer with a Synnefo fault body
 * `{"<name>": {"code": status, "message": …, "details": …}}` (protocol §1.9); the host's error
 * handler turns it into the response.
 */
export class SynnefoFault extends Error {
  override name = 'SynnefoFault';
  constructor(
    readonly status: number,
    readonly fault: string,
    message: string,
    readonly details: string = '',
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }

  /** The response a Synnefo server sends for this fault. */
  toResponse(): Response {
    const headers = new Headers(this.headers);
    headers.set('content-type', 'application/json; charset=UTF-8');
    const body = { [this.fault]: { code: this.status, message: this.message, details: this.details } };
    return new Response(JSON.stringify(body), { status: this.status, headers });
  }
}
