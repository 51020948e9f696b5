import type { PublicKey } from '../../crypto/keys/public-key.js';
import type { Clock } from '../clock.js';
import type { Sim } from '../sim.js';

/** An SSH key registered on an account or sub-user. */
export interface SimKey {
  name: string;
  fingerprint: string;
  key: string;
  publicKey: PublicKey;
}

/** A sub-user. */
export interface SimUser {
  id: string;
  login: string;
  email: string;
  password: string;
  keys: Map<string, SimKey>;
  accessKeys: Map<string, SimAccessKey>;
  created: string;
  updated: string;
  profile: Record<string, string>;
}

export interface SimAccessKey {
  accesskeyid: string;
  accesskeysecret: string;
  created: string;
  description?: string;
}

export interface SimRole {
  id: string;
  name: string;
  policies: string[];
  members: string[];
  default_members: string[];
}

export interface SimPolicy {
  id: string;
  name: string;
  rules: string[];
  description?: string;
}

/**
 * One VMAPI job on a machine: every change CloudAPI makes to a machine (provision, start, stop,
 * reboot, metadata, tags, snapshots, …) runs as a job that finishes later. MachineAudit lists a
 * job only once it has finished, stamped with its finish time (lib/audit.js ignores queued and
 * running jobs); what the job changes becomes visible at that moment too.
 */
export interface SimJob {
  /** The audit action name (lib/audit.js translateAction: `reboot`, `set_metadata`, `create_snapshot`, …). */
  action: string;
  /** When the job finishes, on the simulator clock. */
  finishAt: number;
  /** `no` for a job that failed (tests may set it). */
  success: 'yes' | 'no';
  caller: Record<string, string>;
  parameters?: Record<string, unknown>;
  /** Metadata or tags as they are once this job has run (what later requests build on). */
  metadata?: Record<string, string>;
  tags?: Record<string, string | number | boolean>;
  /** The change the job makes when it finishes. */
  apply?: ((m: SimMachine, at: number) => void) | undefined;
  /** Set once `apply` has run. */
  done?: boolean;
}

export interface SimSnapshot {
  name: string;
  createdAt: number;
  readyAt: number;
  updated: string;
  /** When DeleteMachineSnapshot's job finishes (the snapshot shows `deleted` until then). */
  deleteAt?: number;
}

export interface SimDisk {
  id: string;
  pci_slot: string;
  size: number;
  boot: boolean;
  readyAt: number;
  /** A resize under way: the disk shows `resizing` and its old size until `at`. */
  resize?: { size: number; at: number } | undefined;
  /** When a DeleteMachineDisk job finishes (the disk shows `deleting` until then). */
  deleteAt?: number | undefined;
}

export interface SimNic {
  mac: string;
  ip: string;
  network: string;
  primary: boolean;
  netmask: string;
  gateway: string;
}

/** A machine as stored; its visible state is derived from the clock on every read. */
export interface SimMachine {
  id: string;
  owner: string;
  name: string;
  brand: string;
  image: string;
  package: string;
  memory: number;
  disk: number;
  state: string;
  metadata: Record<string, string>;
  tags: Record<string, string | number | boolean>;
  credentials: Record<string, string>;
  nics: SimNic[];
  firewall_enabled: boolean;
  deletion_protection: boolean;
  snapshots: Map<string, SimSnapshot>;
  disks: SimDisk[];
  created: string;
  updated: string;
  /** Every job run on the machine, oldest first (MachineAudit shows the finished ones, newest first). */
  jobs: SimJob[];
  migration?: SimMigration | undefined;
  /** Role tags (role names) of this machine (machines keep their own; lib/resources.js). */
  roleTags: string[];
  /** Volumes mounted with CreateMachine `volumes` (their `refs` name this machine). */
  volumes: string[];
}

export interface SimMigration {
  machine: string;
  automatic: boolean;
  created_timestamp: string;
  phase: string;
  state: string;
  /**
   * Finished steps, as VMAPI records them: `{type, phase, state, message, current_progress,
   * total_progress, started_timestamp, finished_timestamp, duration_ms}`.
   */
  progress_history: Record<string, unknown>[];
  /** The step under way (a `watch` streams its events, not the history). */
  running?: { action: string; phase: string; startedAt: number; finishAt: number; endState: string } | undefined;
  finished_timestamp?: string;
  duration_ms?: number;
}

export interface SimImage {
  id: string;
  name: string;
  version: string;
  os: string;
  type: string;
  owner: string;
  public: boolean;
  state: string;
  readyAt: number;
  published_at: string;
  description?: string;
  homepage?: string;
  eula?: string;
  acl?: string[];
  tags: Record<string, unknown>;
  requirements: Record<string, unknown>;
  files: { compression: string; sha1: string; size: number }[];
  origin?: string;
}

export interface SimPackage {
  id: string;
  name: string;
  memory: number;
  disk: number;
  swap: number;
  lwps: number;
  vcpus: number;
  version: string;
  group: string;
  description: string;
  flexible_disk?: boolean;
  brand?: string;
  default?: boolean;
}

export interface SimNetwork {
  id: string;
  name: string;
  public: boolean;
  fabric: boolean;
  owner?: string;
  description?: string;
  subnet: string;
  provision_start_ip: string;
  provision_end_ip: string;
  gateway?: string;
  resolvers: string[];
  routes?: Record<string, string>;
  internet_nat?: boolean;
  vlan_id?: number;
  /** Reserved IPs (UpdateNetworkIP). */
  reserved: Set<string>;
}

export interface SimVlan {
  owner: string;
  vlan_id: number;
  name: string;
  description?: string;
}

export interface SimFirewallRule {
  id: string;
  owner: string;
  rule: string;
  enabled: boolean;
  description?: string;
  log?: boolean;
  global?: boolean;
}

export interface SimVolume {
  id: string;
  owner_uuid: string;
  name: string;
  type: 'tritonnfs';
  size: number;
  networks: string[];
  refs: string[];
  tags: Record<string, string>;
  created: string;
  state: string;
  readyAt: number;
}

/** One account (a "login") and everything it owns besides machines and images. */
export interface SimAccount {
  id: string;
  login: string;
  email: string;
  profile: Record<string, string>;
  triton_cns_enabled: boolean;
  created: string;
  updated: string;
  keys: Map<string, SimKey>;
  users: Map<string, SimUser>;
  roles: Map<string, SimRole>;
  policies: Map<string, SimPolicy>;
  accessKeys: Map<string, SimAccessKey>;
  config: Record<string, unknown>;
  roleTags: Map<string, string[]>;
  foreignDatacenters: Record<string, string>;
  limits: { by: string; value: number; check?: string; os?: string; image?: string }[];
}

/** The simulator's whole state (tests may read and change it). */
export interface TritonState {
  accounts: Map<string, SimAccount>;
  machines: Map<string, SimMachine>;
  images: Map<string, SimImage>;
  packages: Map<string, SimPackage>;
  networks: Map<string, SimNetwork>;
  vlans: Map<string, SimVlan>;
  fwrules: Map<string, SimFirewallRule>;
  volumes: Map<string, SimVolume>;
  /** Name → URL (ListDatacenters); `null` URLs mean "this datacenter" (the request's origin). */
  datacenters: Record<string, string | null>;
  /** Token buckets per caller (throttling). */
  buckets: Map<string, { tokens: number; at: number }>;
  nextIp: number;
}

/** Account seed for {@link TritonSimOptions.accounts}. */
export interface TritonSimAccountInput {
  login: string;
  email?: string;
  /** OpenSSH public key lines. */
  keys?: string[];
  users?: { login: string; email?: string; password?: string; keys?: string[] }[];
}

/** Options of `createSim('triton', …)`. */
export interface TritonSimOptions {
  /** Accounts (default one: `demo`). Strings are logins. */
  accounts?: (string | TritonSimAccountInput)[];
  /**
   * Public keys (OpenSSH lines) to register: an array for the first account, or
   * `{ login: [...] }` / `{ 'login/users/sub': [...] }`. With no key at all the simulator generates
   * an Ed25519 key for the first account and hands out its private half in `credentials.key`.
   */
  keys?: string[] | Record<string, string[]>;
  /**
   * Type of the key generated when there is none (default `ed25519`). `ecdsa` (P-256) suits
   * node-smartdc 9.0.1, whose sshpk 1.7.1 misreads about half of all Ed25519 OpenSSH private keys.
   */
  keyType?: 'ed25519' | 'ecdsa';
  clock?: Clock;
  seed?: number;
  /** How long provisioning, stopping, starting and deleting take on the clock (default 3000 ms). */
  transitionMs?: number;
  /** Delay before tag and metadata changes are visible (default 1000 ms; the server is asynchronous). */
  asyncMs?: number;
  /** Allowed clock skew in seconds (default 300). */
  clockSkewSec?: number;
  /** Throttle each caller to `burst` requests refilled at `ratePerSec` (429 beyond); default off. */
  throttle?: { burst: number; ratePerSec: number };
  /** Mount the experimental volume routes (default true). */
  volumes?: boolean;
  /** Other datacenters for ListDatacenters (name → URL); this one is `us-sim-1`. */
  datacenters?: Record<string, string>;
  requestLogSize?: number;
}

/**
 * What `opskit sim serve triton` prints: enough to sign in, named exactly as `new DataCenter()`
 * takes them, so `new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials })` works.
 */
export interface TritonCredentials extends Record<string, unknown> {
  /** The first account's login (DataCenter `account`). */
  account: string;
  /** The generated key's private half (OpenSSH text; DataCenter `key`), when the simulator generated one. */
  key?: string;
  /** MD5 fingerprint of that key (DataCenter `keyId`; also what `SDC_KEY_ID` holds). */
  keyId?: string;
}

/** The Triton simulator. */
export interface TritonSim extends Sim<TritonState, TritonCredentials> {
  /** Registers a public key on an account (or `login/users/sub`); returns its MD5 fingerprint. */
  addKey(owner: string, publicKey: string, name?: string): string;
  /** Adds an account. */
  addAccount(input: string | TritonSimAccountInput): SimAccount;
}
