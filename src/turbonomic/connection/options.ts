import type { CoreOptions } from '../../core/types.js';
import type { TurboPaged } from '../paging/turbo-paged.js';
import type { RequestOptions } from '../transport/transport.js';
import type { VersionSpec } from '../version/version-spec.js';
import type { WarningHandler } from '../warnings/index.js';

/** Options of `new Connection(…)`. */
export interface ConnectionOptions extends CoreOptions {
  /** Host name, optionally with a port (`10.0.0.1:8443`); a bare IPv6 address gets its brackets. Give `host` or `url`. */
  host?: string | undefined;
  /**
   * The server as a URL, `https://turbo.example.com[:port]` (or `http://…`, which warns): sets
   * `host` and `ssl` at once (`url: sim.url` for a simulator). No path: the API base goes in `baseUrl`.
   */
  url?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /** Pre-encoded `base64("user:password")` (as `Credential.get()` returns); wins over username/password. */
  auth?: string | undefined;
  /** API base path (`/api/v2`, `/vmturbo/rest/`, …); skips the base-path probe. */
  baseUrl?: string | undefined;
  /** Required versions (default `7.21+` on XL, `6.1+` on Classic, both required). */
  reqVersions?: VersionSpec | readonly string[] | undefined;
  /** Append `disable_hateoas=true` to every call but `admin/versions` and `login` (default true). */
  disableHateoas?: boolean | undefined;
  /** https (default true); false uses http and warns with `HTTPWarning`. */
  ssl?: boolean | undefined;
  /** Default page size (`limit=`) for every call; 0 (default) lets the server choose. */
  resultsLimit?: number | undefined;
  /**
   * Browsers only: the fetch credentials mode. The page's cookie store carries the session in a
   * browser; use `'include'` when the page is not on the Turbonomic server's origin (the server
   * must then allow credentialed CORS).
   */
  credentials?: RequestCredentials | undefined;
  /** Receives `HTTPWarning` and version warnings (nothing is printed). */
  onWarning?: WarningHandler | undefined;
}

/** Options of list methods; `fetchAll: true` collects every page into an array. */
export interface ListOptions extends RequestOptions {
  fetchAll?: boolean | undefined;
}

/** `fetchAll: true`: resolve with every item instead of a `TurboPaged`. */
export type FetchAll = { fetchAll: true };

/** Options of lists that can come from the inventory cache (600 s). */
export interface CacheableListOptions extends ListOptions {
  /** Serve from (and fill) the connection's 600 s inventory cache; resolves with an array. */
  cache?: boolean | undefined;
}

/** `cache: true` or `fetchAll: true`: resolve with an array. */
export type Collected = { fetchAll: true } | { cache: true };

/** A list, or its items collected. */
export type ListResult<T> = TurboPaged<T> | Promise<T[]>;
