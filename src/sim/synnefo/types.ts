import type { Clock } from '../clock.js';
import type { Sim } from '../sim.js';
import type { SimObjectStoreView, SynnefoSimHost, SynnefoSimUser } from './host.js';

/** A user of the simulated cloud, as given to `createSim('synnefo', { users })` (all optional). */
export interface SynnefoSimUserSpec {
  /** Astakos uuid (default: from the seed). */
  uuid?: string;
  /** Display name, an e-mail address (default `user<N>@example.org`). */
  name?: string;
  /** Real name, shown as `access.user.name` (default `User <N>`). */
  realname?: string;
  /** API token (default: from the seed). */
  token?: string;
  /** A project administrator: approves applications, suspends and terminates projects. */
  admin?: boolean;
  /** Limits of the user's base (system) project, per resource, over the sim-wide `quotas`. */
  quotas?: Readonly<Record<string, number>>;
}

/** Options of `createSim('synnefo', …)`. */
export interface SynnefoSimOptions {
  /** Seed of the random source: uuids, tokens and ids repeat from run to run. */
  seed?: number;
  /** Users (default one, `user1@example.org`, a project administrator). Names or specs. */
  users?: readonly (string | SynnefoSimUserSpec)[];
  /**
   * Limits of every user's base project, per resource (`cyclades.vm`, `cyclades.cpu`,
   * `cyclades.ram` in bytes, `cyclades.disk` in bytes, `cyclades.floating_ip`,
   * `cyclades.network.private`, `pithos.diskspace` in bytes, `astakos.pending_app`), over the
   * defaults (see {@link DEFAULT_QUOTAS}).
   */
  quotas?: Readonly<Record<string, number>>;
  /** The clock every state machine reads (default: a real clock). */
  clock?: Clock;
  /** Lifetime of user tokens, ms (default 30 days). */
  tokenLifetimeMs?: number;
  /** Lifetime of OAuth2 access tokens, ms (default 20 s, as Astakos). */
  oauth2TokenLifetimeMs?: number;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
  /** Base URL for in-process use (default `http://synnefo.sim.invalid`). */
  url?: string;
  /**
   * Options passed through to the mounted services (compute transition times, …), by service:
   * `{ compute: {...}, network: {...}, image: {...}, volume: {...}, pithos: {...} }`.
   */
  services?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A user record of the simulator (mutable: the default project changes). */
export interface SimUser extends SynnefoSimUser {
  readonly realname: string;
  readonly admin: boolean;
  defaultProject: string;
  /** When the token stops working (epoch ms on the sim clock). */
  tokenExpires: number;
}

/** A component (Cyclades, Pithos): its token is what "service" calls need. */
export interface SimComponent {
  readonly name: string;
  readonly token: string;
  /** Resources whose service belongs to this component (service quotas show only these). */
  readonly services: readonly string[];
}

/** A resource definition. */
export interface SimResource {
  readonly name: string;
  readonly service: string;
  readonly description: string;
  readonly unit: string | null;
  readonly uiVisible: boolean;
  readonly apiVisible: boolean;
  readonly allowInProjects: boolean;
}

/** An Astakos holding: `(holder, source, resource)` with limit and usage bounds (quotaholder). */
export interface Holding {
  readonly holder: string;
  readonly source: string | null;
  readonly resource: string;
  limit: number;
  usageMin: number;
  usageMax: number;
}

/** One provision of a commission. */
export interface SimProvision {
  holder: string;
  source: string | null;
  resource: string;
  quantity: number;
}

/** A pending commission. */
export interface SimCommission {
  readonly serial: number;
  readonly clientKey: string;
  readonly name: string;
  readonly issueTime: number;
  readonly provisions: readonly SimProvision[];
}

/** A project's grant of one resource. */
export interface ResourceGrant {
  project_capacity: number;
  member_capacity: number;
}

/** Everything an application asks for. */
export interface ProjectFields {
  name: string;
  owner: string | null;
  homepage: string;
  description: string;
  comments: string;
  start_date: string | null;
  end_date: string | null;
  join_policy: 'auto' | 'moderated' | 'closed';
  leave_policy: 'auto' | 'moderated' | 'closed';
  max_members: number | null;
  private: boolean;
  resources: Record<string, ResourceGrant>;
}

/** A project (a chain of applications). */
export interface SimProject extends ProjectFields {
  readonly id: string;
  state: 'uninitialized' | 'active' | 'suspended' | 'terminated' | 'deleted';
  readonly creationDate: number;
  readonly system: boolean;
  lastApplication: number | null;
  deactivationDate: number | null;
}

/** A project application (creation or modification). */
export interface SimApplication {
  readonly id: number;
  readonly project: string;
  readonly applicant: string;
  state: 'pending' | 'approved' | 'replaced' | 'denied' | 'dismissed' | 'cancelled';
  /** The fields it asks for (a modification: only the changed ones). */
  readonly fields: Partial<ProjectFields>;
  readonly issueDate: number;
}

/** A project membership. */
export interface SimMembership {
  readonly id: number;
  readonly user: string;
  readonly project: string;
  state: 'requested' | 'accepted' | 'leave_requested' | 'suspended' | 'rejected' | 'cancelled' | 'removed';
  /** When it entered each state (ISO dates in the API). */
  readonly dates: Record<string, number>;
}

/** An OAuth2 client. */
export interface SimOAuthClient {
  readonly id: string;
  readonly secret: string;
  readonly redirectUri: string;
}

/** The Astakos side of the simulator's state (services keep theirs in their own modules). */
export interface SynnefoSimState {
  readonly users: SimUser[];
  readonly components: SimComponent[];
  readonly resources: Map<string, SimResource>;
  /** `holder|source|resource` → holding. */
  readonly holdings: Map<string, Holding>;
  readonly commissions: Map<number, SimCommission>;
  nextSerial: number;
  readonly projects: Map<string, SimProject>;
  readonly applications: Map<number, SimApplication>;
  nextApplication: number;
  readonly memberships: Map<number, SimMembership>;
  nextMembership: number;
  /** Feedback received (`POST /feedback`). */
  readonly feedback: { user: string; message: string; data: string; time: number }[];
  readonly oauth2: {
    readonly clients: SimOAuthClient[];
    /** code → grant. */
    readonly codes: Map<string, { clientId: string; user: string; redirectUri: string; scope: string; expires: number }>;
    /** access token → grant. */
    readonly tokens: Map<string, { clientId: string; user: string; scope: string; expires: number }>;
  };
  /** The object store, once mounted (Plankton reads it). */
  objects: SimObjectStoreView | undefined;
}

/** `sim.credentials`: exactly the options of `new AstakosClient(...)` for the first user. */
export interface SynnefoCredentials extends Record<string, unknown> {
  /** The Astakos auth URL (`<sim url>/identity/v2.0`). */
  url: string;
  /** The first user's token. */
  token: string;
}

/** The Synnefo simulator. */
export interface SynnefoSim extends Sim<SynnefoSimState, SynnefoCredentials> {
  /** Every user (the first is the one of `credentials`). */
  readonly users: readonly SimUser[];
  /** The Cyclades component's token, for Astakos "service" calls (commissions, service quotas). */
  readonly serviceToken: string;
  /** The Pithos component's token. */
  readonly pithosServiceToken: string;
  /** Adds a user (as `options.users` would) and returns it. */
  addUser(spec?: string | SynnefoSimUserSpec): SimUser;
  /**
   * Issues an OAuth2 authorization code as the Astakos web UI does once the user consents
   * (the browser step of the authorization-code flow), for `getToken` to exchange.
   */
  authorizationCode(user: string, options?: { clientId?: string; redirectUri?: string; scope?: string }): string;
  /** The registered OAuth2 clients (the first is created by default). */
  readonly oauth2Clients: readonly SimOAuthClient[];
  /** The host every mounted service received (per-service state hangs off it). */
  readonly host: SynnefoSimHost;
}
