export { createClient, defaultErrorDetails, type ClientOptions, type OpsClient, type OperationMeta, type DataMethod, type DataOf } from './client.js';
export { createPipeline, resolveTimeout, DEFAULT_TIMEOUT, type CallInfo, type PipelineOptions, type Reply } from './pipeline.js';
export * from './errors/index.js';
export { httpErrorFor } from './http-error-for.js';
export { DryRunSignal, dryRunnable, catchDryRun, isDryRunRequest, type DryRunRequest } from './dry-run.js';
export { Paged, type Page, type PageContext, type PageLoader, type PageToken, type PagedOptions } from './paged.js';
export { cursorPaging, offsetPaging, markerPaging } from './paging-strategies.js';
export { waitFor, isTransientError, type PollContext, type WaitOptions, type WaitProgress } from './wait-for.js';
export { Redactor, REDACTED, SECRET_HEADERS, SECRET_NAME } from './redact.js';
export { encodePathValue, pathValueProblem, type PathStyle } from './path-params.js';
export { checkOptions, closestName, CORE_OPTION_NAMES } from './options.js';
export { IDEMPOTENT_METHODS, RETRY_STATUSES, parseRetryAfter } from './retry-policy.js';
export { sleep } from './sleep.js';
export type { LogEvent } from './log.js';
export type {
  Auth, AuthHandler, AuthResult, CallContext, CallOptions, CoreOptions, Logger, PreparedRequest, RetryOptions, TimeoutOptions,
} from './types.js';
