import type { SimName, SimOptionsOf } from '../../../sim/index.js';
import { BLOCK_HASH_ALGORITHMS } from '../../../crypto/merkle/algorithms.js';

/**
 * How one `createSim` option is written on the command line (`--set name=value`):
 * - `int`: a whole number (`10000000`, `10_000_000`), within `min`/`max` when given;
 * - `ms`: a duration in milliseconds: `1500`, `1500ms`, `1.5s`, `2m`;
 * - `boolean`: `true`/`false` (also `yes`/`no`, `on`/`off`, `1`/`0`);
 * - `string`, `enum` (one of `values`);
 * - `json`: a JSON document of the given top-level `shape`;
 * - `list`: a JSON array of strings, or `a,b,c`;
 * - `served-url`: filled in by `sim serve` with the URL it serves on (not settable);
 * - `internal`: not settable from a command line (a clock or random source object).
 */
export type OptionKind =
  | { type: 'int'; min?: number; max?: number }
  | { type: 'ms' }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'json'; shape: 'object' | 'array' | 'array-or-object' }
  | { type: 'list' }
  | { type: 'served-url' }
  | { type: 'internal' };

/** One option of a family's simulator. */
export interface OptionEntry {
  kind: OptionKind;
  description: string;
}

/**
 * Every option of a family's `createSim` options, and nothing else: a family that adds an option
 * makes this table fail to compile until the option has a line here, so `sim serve` never lags
 * behind the programmatic API.
 */
export type FamilyOptionTable<N extends SimName> = { readonly [K in keyof SimOptionsOf<N>]-?: OptionEntry };

const int = (description: string, min?: number, max?: number): OptionEntry => ({
  kind: { type: 'int', ...(min !== undefined && { min }), ...(max !== undefined && { max }) },
  description,
});
const ms = (description: string): OptionEntry => ({ kind: { type: 'ms' }, description });
const bool = (description: string): OptionEntry => ({ kind: { type: 'boolean' }, description });
const str = (description: string): OptionEntry => ({ kind: { type: 'string' }, description });
const oneOf = (values: readonly string[], description: string): OptionEntry => ({ kind: { type: 'enum', values }, description });
const json = (shape: 'object' | 'array' | 'array-or-object', description: string): OptionEntry => ({ kind: { type: 'json', shape }, description });
const internal = (description: string): OptionEntry => ({ kind: { type: 'internal' }, description });
const servedUrl: OptionEntry = { kind: { type: 'served-url' }, description: 'base URL (sim serve sets it to the URL it serves on)' };
const seed = int('seed of ids, tokens and cursors (repeatable runs)', 0, 2 ** 31);
const clock = internal('clock (a real clock when served)');
const logSize = int('request log capacity (default 1000)', 1);

/** The option tables of every simulator `createSim` knows. */
export const OPTION_TABLES: { readonly [N in SimName]: FamilyOptionTable<N> } = {
  demo: {
    pageSize: int('default page size of GET /items (default 10)', 1),
    maxPageSize: int('largest accepted limit (default 100)', 1),
    jobDelayMs: ms('a job stays queued, then runs, this long each (default 1000 ms)'),
    clock,
    repeatCursor: bool('misbehave: answer every page with the cursor it was given'),
    cursorTtlMs: ms('lifetime of list cursors (default 10 minutes)'),
    items: int('number of seeded items (default 25)', 0),
    password: str("password of user admin (default 'opskit-demo')"),
    seed,
    requestLogSize: logSize,
  },
  timesys: {
    email: str('e-mail of the seeded user (default user@example.com)'),
    key: str('API key of the seeded user (default abc123)'),
    jobDelayMs: ms('how long an upload or rescan job takes (default 1000 ms)'),
    asyncJobs: bool('answer uploads with background jobs, as newer servers (default true)'),
    clock,
    seed,
    requestLogSize: logSize,
  },
  turbonomic: {
    platform: oneOf(['xl', 'classic'], 'xl (7.x+, /api/v3/) or classic (6.x, /vmturbo/rest/ and /api/v2/); default xl'),
    product: oneOf(['turbonomic', 'cwom'], 'turbonomic (default) or the white label cwom'),
    version: str('product version as versionInfo shows it (defaults: XL 8.3.1, Classic 6.4.10, CWOM 3.2.1 / 2.3.5)'),
    baseVersion: str('Turbonomic base version of a white label (derived when omitted)'),
    snapshot: bool('a development build (-SNAPSHOT)'),
    versionFields: bool('send version/branch/build/marketVersion besides versionInfo'),
    entities: int('number of service entities, generated lazily (default 1000, at most 10,000,000)', 0, 10_000_000),
    seed,
    pageSize: int('page size when a request has no limit (default 500)', 1),
    maxPageSize: int('largest accepted limit (default 10,000)', 1),
    username: str('administrator login (default administrator)'),
    password: str('administrator password (default opskit-turbo)'),
    clock,
    cursorTtlMs: ms('lifetime of list cursors (default 10 minutes)'),
    sessionTtlMs: ms('idle lifetime of a session (default 30 minutes)'),
    requireHttps: bool('answer POST login over http with a 301 to https'),
    browserCookies: bool("act like a browser's cookie store (for in-process use)"),
    requestLogSize: logSize,
  },
  triton: {
    accounts: json('array', 'accounts: ["demo", {"login": "acme", "users": [{"login": "alice"}]}] (default ["demo"])'),
    keys: json('array-or-object', 'public keys (OpenSSH lines): an array for the first account, or {"login/users/sub": [...]}'),
    keyType: oneOf(['ed25519', 'ecdsa'], 'type of the key generated when none is given (default ed25519; ecdsa suits node-smartdc 9)'),
    clock,
    seed,
    transitionMs: ms('how long provisioning, stopping, starting and deleting take (default 3000 ms)'),
    asyncMs: ms('delay before tag and metadata changes show (default 1000 ms)'),
    clockSkewSec: int('allowed clock skew of signed requests, seconds (default 300)', 0),
    throttle: json('object', 'throttle each caller: {"burst": 10, "ratePerSec": 5} (default off)'),
    volumes: bool('mount the volume routes (default true)'),
    datacenters: json('object', 'other datacenters for ListDatacenters: {"name": "url"}'),
    requestLogSize: logSize,
  },
  mist: {
    auth: oneOf(['hosted', 'standalone'], 'hosted (tokens, default) or standalone (no authentication)'),
    email: str('the account e-mail (default demo@example.com)'),
    password: str('the account password (default: generated from the seed)'),
    rawTokens: bool('hand out raw tokens, as later servers'),
    providers: json('object', 'per provider family: {"ec2": {"apikey": "...", "available": true, "machines": 2}}'),
    seed,
    clock,
    transitionMs: ms('how long a machine stays pending or rebooting (default 3000 ms)'),
    machineLimit: int('machines the hosted plan may monitor (default 5)', 0),
    requestLogSize: logSize,
  },
  synnefo: {
    seed,
    users: json('array', 'users: ["alice@example.org", {"name": "bob@example.org", "token": "...", "admin": true}]'),
    quotas: json('object', 'base-project limits per resource: {"cyclades.vm": 10}'),
    clock,
    tokenLifetimeMs: ms('lifetime of user tokens (default 30 days)'),
    oauth2TokenLifetimeMs: ms('lifetime of OAuth2 access tokens (default 20 s)'),
    requestLogSize: logSize,
    url: servedUrl,
    services: json('object', 'options of the mounted services: {"compute": {...}, "pithos": {...}}'),
  },
  pithos: {
    seed,
    clock,
    random: internal('random source (from the seed when served)'),
    users: json('array', 'users (default two): [{"name": "alice@example.org", "token": "..."}]'),
    blockSize: int('X-Container-Block-Size in bytes (default 4 MiB)', 1),
    blockHash: oneOf(BLOCK_HASH_ALGORITHMS, 'X-Container-Block-Hash (default sha256)'),
    quota: int('per-user pithos.diskspace quota in bytes (default 0, unlimited)', 0),
    updateMd5: bool('ETag = MD5 of the data instead of the Merkle hash'),
    defaultContainers: { kind: { type: 'list' }, description: 'containers every account starts with (default pithos)' },
    url: servedUrl,
  },
};

/** The table of a family, as plain entries. */
export function optionTable(family: SimName): Readonly<Record<string, OptionEntry>> {
  return OPTION_TABLES[family] as Readonly<Record<string, OptionEntry>>;
}
