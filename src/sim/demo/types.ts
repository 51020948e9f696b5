import type { Clock } from '../clock.js';
import type { CursorTable } from '../cursors.js';
import type { Sim } from '../sim.js';
import type { Collection } from '../state.js';

/** An inventory item (schema `Item` in openapi/demo.yaml). */
export interface DemoItem {
  id: string;
  name: string;
  quantity: number;
  tags: string[];
  /** ISO 8601, from the simulator clock. */
  createdAt: string;
  updatedAt: string;
}

/** A background job as stored; its public state is derived from the clock on read. */
export interface DemoJobRecord {
  id: string;
  name: string;
  /** Creation time, epoch ms on the simulator clock. */
  createdAtMs: number;
}

/** Job lifecycle states, in order. */
export type DemoJobState = 'queued' | 'running' | 'done';

/** A job as the API returns it (schema `Job`). */
export interface DemoJob {
  id: string;
  name: string;
  state: DemoJobState;
  /** 0..100. */
  progress: number;
  createdAt: string;
}

/** The demo simulator's in-memory state. */
export interface DemoState {
  items: Collection<DemoItem>;
  jobs: Collection<DemoJobRecord>;
  /** Bearer tokens issued by `POST /login` and not revoked. */
  tokens: Set<string>;
  /** Live list cursors → offset into the item list. */
  cursors: CursorTable<number>;
}

/** Credentials that log in to the demo simulator. */
export interface DemoCredentials extends Record<string, unknown> {
  username: string;
  password: string;
}

/** Options of `createSim('demo', …)`. */
export interface DemoSimOptions {
  /** Default page size of `GET /items` (default 10). */
  pageSize?: number;
  /** Largest accepted `limit` (default 100). */
  maxPageSize?: number;
  /** A job stays queued this long, then runs this long (progress 0→100), then is done (default 1000 ms). */
  jobDelayMs?: number;
  /** Clock for timestamps, jobs and cursor expiry (default: real time). */
  clock?: Clock;
  /** Misbehave: answer every page request with the cursor it was given, forever. */
  repeatCursor?: boolean;
  /** Lifetime of list cursors on the simulator clock (default 10 minutes). */
  cursorTtlMs?: number;
  /** Number of seeded items (default 25). */
  items?: number;
  /** Password of user `admin` (default `'opskit-demo'`). */
  password?: string;
  /** Seed for tokens and cursors; without it they come from `crypto.getRandomValues`. */
  seed?: number;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
}

/** The demo simulator: a tiny stateful inventory API (openapi/demo.yaml). */
export interface DemoSim extends Sim<DemoState, DemoCredentials> {
  /** Forgets every issued list cursor, so the next page request answers 400 `InvalidCursor`. */
  expireCursors(): void;
  /** Revokes every bearer token, so the next call answers 401. */
  revokeTokens(): void;
}
