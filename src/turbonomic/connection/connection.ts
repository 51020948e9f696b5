import { dryRunnable } from '../../core/dry-run.js';
import { MarketMethods } from './market-methods.js';
import type { ConnectionOptions } from './options.js';

/**
 * A connection to a Turbonomic server (XL or Classic), the counterpart of vmt-connect's
 * `Connection`: every upstream method in camelCase, options in one object, lists as `TurboPaged`.
 *
 * The bootstrap (protocols §2) runs on `connect()` or on the first call: probe `/api/v3/`, then
 * `/vmturbo/rest/` (`admin/versions`, unauthenticated), multipart form login, version gate,
 * system markets. The `JSESSIONID` cookie is kept by opskit in Node, Deno and Bun (their fetch has
 * no cookie jar) and by the browser itself on the page's origin (or with `credentials: 'include'`).
 * A 401 after login logs in again once and retries the call.
 *
 * @example
 * ```ts
 * const conn = await Connection.connect({ host: 'turbo.example.com', username: 'administrator', password });
 * for await (const vm of conn.getVirtualMachines({ limit: 500 })) console.log(vm.displayName);
 * const [market] = await conn.getMarkets({ uuid: 'Market' });
 * const firstPage = await conn.getMarkets(); // an array, page 1 (vmt-connect's default)
 * const everyVm = await conn.getVirtualMachines(); // every VM (upstream forces fetch_all here)
 * ```
 */
export class Connection extends MarketMethods {
  constructor(options: ConnectionOptions) {
    super(options);
    // A dry run resolves every method with the first request it would send (lists resolve it themselves).
    if (options.dryRun) return dryRunnable(this);
  }

  /** Creates a connection and runs its bootstrap. */
  static async connect(options: ConnectionOptions): Promise<Connection> {
    return new Connection(options).connect();
  }
}

/** Upstream's `Session`: the same as {@link Connection} (opskit always keeps the session). */
export const Session = Connection;
/** Upstream's `Session`: the same as {@link Connection}. */
export type Session = Connection;

/**
 * Upstream's deprecated `VMTConnection`.
 * @deprecated Use {@link Connection}.
 */
export const VMTConnection = Connection;
/** @deprecated Use {@link Connection}. */
export type VMTConnection = Connection;
