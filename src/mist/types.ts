import type { components } from './generated/mist.js';

type S = components['schemas'];

/** One entry of `supportedProviders()`: `{title, provider}`. */
export type ProviderInfo = S['ProviderEntry'];
/** A backend as `GET /backends` lists it (the API key in clear). */
export type BackendInfo = S['Backend'];
/** The reply of `POST /backends`. */
export type AddedBackendInfo = S['AddedBackend'];
/** A machine as `GET /backends/{id}/machines` lists it. */
export type MachineInfo = S['Machine'];
/** running, rebooting, terminated, pending or stopped (libcloud's unknown is reported as stopped). */
export type MachineState = S['MachineState'];
/** The reply of `POST /backends/{id}/machines`. */
export type CreatedMachineInfo = S['CreatedMachine'];
/** A key as `GET /keys` lists it: `{id, machines, isDefault}` (the id is the key's name). */
export type KeyInfo = S['Key'];
/** `[backend_id, machine_id, last_seen, ssh_user, sudo, ssh_port]`. */
export type Association = S['Association'];
export type Size = S['Size'];
export type Location = S['Location'];
export type Network = S['Network'];
export type Image = S['Image'];
/** Ping statistics, plus uptime, load, cores, users and addresses when SSH worked. */
export type ProbeResult = S['ProbeResult'];
/** `{host, deploy_kwargs, command}` (enable) or `{cmd_output}` (disable). */
export type MonitoringReply = S['MonitoringReply'];
/** One series per metric id: `{datapoints: [[value | null, unix seconds], …], …}`. */
export type Stats = S['Stats'];
export type MetricSeries = S['MetricSeries'];
/** Metrics keyed by dotted metric id (`load.shortterm`, `mist.python.my_plugin`, …). */
export type Metrics = S['Metrics'];
export type Metric = S['Metric'];
/** `{metric_id, stdout}` from deploying (or undeploying) a python plugin. */
export type PluginReply = S['PluginReply'];
/** `GET /monitoring`: plan, monitored machines, metrics, rules. */
export type MonitoringOverview = S['MonitoringOverview'];
/** The hosted plan in the login reply. */
export type Plan = S['Plan'];

/**
 * What the login reply describes (C14's `user_details`): the plan, the user, any other field the
 * server sends. The token fields are removed: they stay inside the client.
 */
export interface UserDetails {
  /** The hosted plan (`started` and `expiration` in unix seconds). */
  current_plan?: Plan;
  /** Name, email, company, … */
  user_details?: Record<string, unknown>;
  [field: string]: unknown;
}
