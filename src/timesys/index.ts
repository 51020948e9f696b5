/**
 * `opskit/timesys`: the Timesys Vigiles API ("LLAPI") of the `timesys` Python package and Vigiles CLI:
 * HMAC-signed requests byte for byte as upstream signs them, one method per upstream function,
 * key-file and dashboard-config parsers, and the signing primitives for tests against upstream.
 * @packageDocumentation
 */
export { Llapi, type LlapiOptions } from './llapi.js';
export { parseKeyFile, DEFAULT_SERVER, type KeyFileConfig } from './config/key-file.js';
export { parseDashboardConfig, type DashboardConfig } from './config/dashboard-config.js';
export { llapiMessage, llapiSignature } from './signing/message.js';
export { llapiAuth, SIGNATURE_HEADER, type LlapiAuthOptions } from './signing/auth.js';
export { pyStr, type LlapiParams, type LlapiScalar, type LlapiValue } from './signing/python-str.js';
export { quotePlus, FORM_CONTENT_TYPE } from './signing/wire.js';
export { compareCodePoints } from './signing/code-points.js';
export { UPSTREAM_RETRY } from './retry.js';
export { VigilesJobError } from './job-error.js';
export { decodeExportedReport, exportFileName, type Gunzip } from './exported-report.js';
export { expandEcosystems } from './ecosystems.js';
export type { ManifestInput } from './manifest-input.js';
export * from './constants.js';
export type * from './types.js';
export type { UploadOptions, RescanOptions } from './ops/upload.js';
export type { JobWaitOptions } from './ops/jobs.js';
export type { ManifestFormatOptions, LatestReportOptions, BulkMoveOptions } from './ops/manifests.js';
export type { DownloadReportOptions, CompareReportsOptions } from './ops/reports.js';
export type { FolderTarget } from './ops/folders.js';
export type { GroupSettingsUpdate, ActivityLogSearch } from './ops/groups.js';
export type { SetStatusOptions } from './ops/cves.js';
export type { paths as LlapiPaths, components as LlapiComponents } from './generated/timesys-llapi.js';
export { operations as llapiOperations } from './generated/timesys-llapi.meta.js';
