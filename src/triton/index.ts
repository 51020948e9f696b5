/**
 * `opskit/triton`: Joyent Triton CloudAPI / SmartDataCenter. `DataCenter` and `Machine` keep
 * py-smartdc's names (camelCased, with its bugs fixed) and add one method per CloudAPI operation;
 * requests are signed with HTTP Signatures from SSH keys in every runtime (WebCrypto where it
 * exists, pure JavaScript where it does not).
 * @packageDocumentation
 */
export { DataCenter } from './data-center.js';
export type { DataCenterOptions } from './data-center-options.js';
export { Machine, type MachineWaitOptions } from './machine.js';
export { Snapshot } from './snapshot.js';
export { TritonJobError } from './job-failed-error.js';
export type { TritonWaitOptions, AuditWaitOptions, DiskTarget, ExpectedValues } from './methods/waiters.js';
export { createTritonClient, tritonErrorDetails, type TritonApi, type TritonClientOptions } from './client.js';
export { tritonAuth, canSendDateHeader, type TritonAuthOptions, type DateHeaderMode } from './auth.js';
export { tritonKeyId, parseKeyId } from './key-id.js';
export { resolveLocation, KNOWN_LOCATIONS, TELEFONICA_LOCATIONS, DEFAULT_LOCATION, API_HOST_SUFFIX } from './locations.js';
export { DEFAULT_ACCEPT_VERSION } from './version.js';
export { tritonQuery } from './query.js';
export { isPrivateIp } from './ips.js';
export type { MachineFilters, CreateMachineOptions } from './methods/machines.js';
export type { ImageFilters } from './methods/images.js';
export type { PackageFilters } from './methods/packages.js';
export type { VolumeFilters } from './methods/volumes.js';
export type { MigrateAction, MigrationProgressEvent } from './methods/migrations.js';
export type * from './types.js';
export { operations } from './generated/triton-cloudapi.meta.js';
export type { paths, components, operations as OperationTypes } from './generated/triton-cloudapi.js';
