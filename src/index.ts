/**
 * opskit core: a typed client factory over openapi-fetch with dry run, auth, retries, timeouts and
 * redacted logging; typed errors; `Paged<T>` and `waitFor`. Vendor families live in subpath exports
 * (`opskit/timesys`, `opskit/turbonomic`, …); crypto in `opskit/crypto`; simulators in `opskit/sim`.
 * @module
 */
export * from './core/index.js';
