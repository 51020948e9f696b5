import type { Clock } from '../clock.js';
import type { CursorTable } from '../cursors.js';
import type { Sim } from '../sim.js';
import type { Collection } from '../state.js';
import type { Inventory } from './inventory.js';

/** Any JSON object the simulator serves. */
export type Json = Record<string, unknown>;

/** A stored object: every Turbonomic DTO has a `uuid`; collections key it as `id`. */
export interface Stored extends Json {
  id: string;
  uuid: string;
}

/** Options of `createSim('turbonomic', …)`. */
export interface TurbonomicSimOptions {
  /** `xl` (7.x and later, base `/api/v3/`) or `classic` (6.x, base `/vmturbo/rest/` and `/api/v2/`). Default `xl`. */
  platform?: 'xl' | 'classic';
  /** `turbonomic` (default) or the white label `cwom` (Cisco Workload Optimization Manager). */
  product?: 'turbonomic' | 'cwom';
  /**
   * The product's version as `versionInfo` shows it. Defaults: XL 8.3.1, Classic 6.4.10,
   * CWOM on XL 3.2.1 (base 8.4.1), CWOM on Classic 2.3.5 (base 6.4.9).
   */
  version?: string;
  /** The Turbonomic base version in the DTO's `version` field (white labels; derived when omitted). */
  baseVersion?: string;
  /** A development build: `-SNAPSHOT` after the version. */
  snapshot?: boolean;
  /** Send `version`/`branch`/`build`/`marketVersion` besides `versionInfo` (default: on XL and CWOM-on-XL, off on Classic). */
  versionFields?: boolean;
  /** Number of service entities, generated lazily from `seed` (default 1000, at most 10,000,000). */
  entities?: number;
  /** Seed of the inventory, cursors and session ids (default 1). */
  seed?: number;
  /** Page size when a request has no `limit` (default 500). */
  pageSize?: number;
  /** Largest accepted `limit` (default 10,000). */
  maxPageSize?: number;
  /** Login of the administrator (default `administrator`). */
  username?: string;
  /** Password of the administrator (default `opskit-turbo`). */
  password?: string;
  /** Clock for sessions, cursors and stats dates (default real time). */
  clock?: Clock;
  /** Lifetime of list cursors (default 10 minutes). */
  cursorTtlMs?: number;
  /** Idle lifetime of a session (default 30 minutes). */
  sessionTtlMs?: number;
  /** Answer `POST login` over http with a 301 to the https URL. */
  requireHttps?: boolean;
  /**
   * Act like a browser's cookie store for in-process use: the session of the latest login
   * applies to requests that carry no cookie. Default: on exactly where the runtime hides
   * `Set-Cookie` from scripts (browsers), so an in-process simulator works there as a
   * same-origin server would.
   */
  browserCookies?: boolean;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
}

/**
 * Server-side paging misbehaviours, for testing clients. The cursor ones (`repeatCursor`,
 * `dropCursor`, `emptyCursor`) apply to every page that starts at or after record `afterRecords`.
 */
export interface PagingQuirks {
  /** Hand back the cursor the request carried (a server bug that loops naive clients). */
  repeatCursor?: boolean;
  /** Leave `x-next-cursor` out while more records remain (upstream then ends quietly with a partial list). */
  dropCursor?: boolean;
  /** Send an empty `x-next-cursor` instead of the next one (the "cursor missing" condition). */
  emptyCursor?: boolean;
  /** Where the cursor quirks start: the first page starting at or after this record (default 0, every page). */
  afterRecords?: number;
  /** Leave `x-total-record-count` out. */
  omitTotal?: boolean;
  /** Send this text as `x-total-record-count` instead of the real count (a wrong or malformed total). */
  totalHeader?: string;
  /**
   * Answer an expired or unknown cursor with an empty page and NO `x-next-cursor` at all (the
   * default answer carries an empty one), so the list looks finished.
   */
  expiredWithoutCursor?: boolean;
}

/** A logged-in session. */
export interface SimSession {
  id: string;
  user: string;
  lastSeen: number;
}

/** The simulator's state; tests may read and change it. */
export interface TurbonomicState {
  inventory: Inventory;
  targets: Collection<Stored>;
  groups: Collection<Stored>;
  markets: Collection<Stored>;
  scenarios: Collection<Stored>;
  actions: Collection<Stored>;
  templates: Collection<Stored>;
  users: Collection<Stored>;
  sessions: Map<string, SimSession>;
  /** Browser mode: the session the "browser" holds. */
  ambientSession: string | undefined;
  cursors: CursorTable<{ pos: number; seen: number }>;
  quirks: PagingQuirks;
  /** The `admin/versions` body. */
  version: Json;
  /** Base paths served (`/api/v3`, …), without the trailing slash. */
  bases: readonly string[];
  /** uuid of the real-time market. */
  realtimeMarket: string;
}

/**
 * Credentials of the simulated administrator, under `new Connection()`'s own option names, so
 * `new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials })` logs in.
 */
export interface TurbonomicCredentials extends Record<string, unknown> {
  username: string;
  password: string;
}

/** The Turbonomic simulator. */
export interface TurbonomicSim extends Sim<TurbonomicState, TurbonomicCredentials> {
  /** `xl` or `classic`. */
  readonly platform: 'xl' | 'classic';
  /** The first base path, with trailing slash (`/api/v3/`). */
  readonly basePath: string;
  /** Ends every session: the next call answers 401 until the client logs in again. */
  expireSessions(): void;
  /** Forgets every list cursor: the next page request gets an empty `x-next-cursor`. */
  expireCursors(): void;
  /** Options as resolved. */
  readonly settings: Readonly<Required<Pick<TurbonomicSimOptions, 'entities' | 'seed' | 'pageSize' | 'maxPageSize'>>>;
}
