/**
 * `opskit/mist`: the mist.io API as `mist.client` 0.1.1 speaks it — `MistClient`, `Backend`,
 * `Machine`, `Key` (mist.client's names, camelCased, its bugs fixed), typed errors for the
 * server's text error bodies, a waiter for machine states, and the typed low-level client.
 * @packageDocumentation
 */
export { MistClient, DEFAULT_MIST_URI, type MistClientOptions, type MistLoginOptions } from './mist-client.js';
export { Backend, type CreateMachineOptions } from './backend.js';
export {
  Machine,
  type ProbeOptions,
  type AssociateKeyOptions,
  type MonitoringOptions,
  type StatsOptions,
  type PythonPluginOptions,
} from './machine.js';
export { Key } from './key.js';
export { backendFromId, machineFromId } from './lookups.js';
export { waitForState, type WaitForStateOptions } from './wait-for-state.js';
export { pluginIdFromName, upstreamPluginId, isValidPluginId } from './plugin-id.js';
export type {
  MistProvider,
  Ec2Provider,
  RackspaceRegion,
  AddBackendOptions,
  AddBackendOptionsArg,
  CommonBackendOptions,
  OpenStackBackendOptions,
  HpCloudBackendOptions,
  GceBackendOptions,
  DockerBackendOptions,
  BareMetalBackendOptions,
  AnyBackendOptions,
} from './providers.js';
export { createMistApi, MIST_PUBLIC_NAMES, type MistApi, type MistApiOptions } from './client.js';
export { MistAuthState, mistAuth, type TokenScheme } from './auth.js';
export * from './errors/index.js';
export type * from './types.js';
export { operations } from './generated/mist.meta.js';
export type { paths, components, operations as OperationTypes } from './generated/mist.js';
