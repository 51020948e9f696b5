import type { Clock } from '../clock.js';
import type { Sim } from '../sim.js';
import type { ProviderFamily } from './catalog.js';

/** What the simulated provider (cloud) of one family accepts and does. */
export interface MistSimProvider {
  /** The only API key the provider accepts (default: any non-empty key). */
  apikey?: string;
  /** The only secret the provider accepts (default: any non-empty secret). */
  apisecret?: string;
  /**
   * `false`: the provider does not answer (adding a backend is `503 Backend unavailable`, listing
   * its machines or images too; for bare metal, SSH fails: `401 Invalid backend credentials`).
   */
  available?: boolean;
  /** Machines already running in a newly added account of this provider (default 0). */
  machines?: number;
}

/** Options of `createSim('mist', …)`. */
export interface MistSimOptions {
  /**
   * `hosted` (default): mist.io as a service — `POST /auth` hands out tokens and every other route
   * wants `Authorization: mist_1 <email>:<token>` (401 `Not authorized` otherwise). `standalone`:
   * the open-source server — no authentication at all; its `/auth` logs in to the hosted service
   * for monitoring and keeps the token itself (the reply has none).
   */
  auth?: 'hosted' | 'standalone';
  /** The account's email (default `demo@example.com`). */
  email?: string;
  /** The account's password (default: generated from the seed). */
  password?: string;
  /**
   * Later servers' raw tokens: `/auth` answers `token` instead of `mist_api_token`, and
   * `Authorization: <token>` is accepted besides `mist_1 <email>:<token>`.
   */
  rawTokens?: boolean;
  /** What each provider family accepts (credentials, availability, machines already there). */
  providers?: Partial<Record<ProviderFamily, MistSimProvider>>;
  /** Seed of ids, tokens and generated monitoring data (default: random). */
  seed?: number;
  /** Clock of every state machine (default: the real clock). */
  clock?: Clock;
  /** How long a machine stays `pending` or `rebooting` after an action, ms (default 3000). */
  transitionMs?: number;
  /** Machines the hosted plan may monitor before `402 Payment required` (default 5). */
  machineLimit?: number;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
}

/** What `opskit sim serve mist` prints and `MistClient.login` takes (the URL comes from the server). */
export interface MistCredentials extends Record<string, unknown> {
  email: string;
  password: string;
}

/** A backend as the server stores it. */
export interface SimBackend {
  id: string;
  title: string | null;
  provider: string;
  apikey: string | null;
  apisecret: string | null;
  apiurl: string;
  tenant_name: string | null;
  region: string | null;
  compute_endpoint: string | null;
  docker_port: number;
  enabled: boolean;
  poll_interval: number;
  /** Images the user starred or unstarred. */
  starred: string[];
  unstarred: string[];
}

export type SimMachineState = 'running' | 'rebooting' | 'terminated' | 'pending' | 'stopped';

/** A machine in a provider account (machines outlive their backend: re-adding the account finds them). */
export interface SimMachine {
  id: string;
  uuid: string;
  name: string;
  imageId: string | null;
  size: string | null;
  location: string | null;
  state: SimMachineState;
  /** Where a transition is heading and when it gets there (sim clock, ms). */
  next: { state: SimMachineState; at: number } | undefined;
  /** When the machine last booted (sim clock, ms), for probe uptimes. */
  bootedAt: number;
  public_ips: string[];
  private_ips: string[];
  tags: string[];
  extra: Record<string, unknown>;
  /** Public keys (`type base64`) in the machine's authorized_keys: what SSH logins succeed with. */
  authorizedKeys: Set<string>;
  /** Monitoring: on or off, with the metrics chosen and the plugins deployed. */
  monitored: boolean;
  monitoredSince: number;
  metrics: Set<string>;
  plugins: Map<string, { name: string; unit: string | null; valueType: string }>;
}

/** The provider side of a backend: its machines (keyed by backend id, which is derived from the account). */
export interface SimCloud {
  family: ProviderFamily;
  provider: string;
  region: string;
  machines: Map<string, SimMachine>;
}

/** `[backend_id, machine_id, last_seen, ssh_user, sudo, ssh_port]`. */
export type SimAssociation = [string, string, number, string | null, boolean, number];

/** A key pair as the server stores it. */
export interface SimKeypair {
  private: string;
  public: string;
  default: boolean;
  machines: SimAssociation[];
}

/** Everything the simulator holds; tests may read and change it. */
export interface MistState {
  readonly mode: 'hosted' | 'standalone';
  readonly account: {
    email: string;
    password: string;
    plan: { title: string; started: number; expiration: number; machine_limit: number };
    user_details: Record<string, unknown>;
  };
  /** Hosted tokens → the email they belong to. */
  readonly tokens: Map<string, string>;
  /** Standalone: the hosted token the server keeps after `/auth` (monitoring needs one). */
  coreToken: string | undefined;
  readonly backends: Map<string, SimBackend>;
  readonly clouds: Map<string, SimCloud>;
  readonly keypairs: Map<string, SimKeypair>;
  /** Every address handed out so far (public 203.0.113.x / 198.51.100.x, private 10.x). */
  nextIp: number;
}

/** The mist.io simulator. */
export interface MistSim extends Sim<MistState, MistCredentials> {
  /** A fresh token of the account, as if from `/auth` (for `apiToken` tests). */
  issueToken(): string;
}
