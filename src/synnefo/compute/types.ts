import type { components } from '../generated/synnefo-compute.js';

type S = components['schemas'];
/** A server as `GET /servers/{id}` describes it. */
export type Server = S['Server'];
/** A server as the non-detailed list shows it (`id`, `name`, `links`). */
export type ServerRef = S['ServerRef'];
/** The reply of `createServer`: the server with status `BUILD` and its `adminPass`. */
export type ServerCreated = Server & { adminPass: string };
export type Flavor = S['Flavor'];
export type FlavorRef = S['FlavorRef'];
export type ComputeImage = S['ComputeImage'];
export type ImageRef = S['ImageRef'];
export type Keypair = S['Keypair'];
export type ComputeFloatingIp = S['ComputeFloatingIp'];
export type Console = S['Console'];
export type ServerStats = S['ServerStats'];
export type Diagnostic = S['Diagnostic'];
export type VolumeAttachment = S['VolumeAttachment'];
export type ServerAddresses = S['ServerAddresses'];
export type Address = S['Address'];
export type Metadata = Record<string, string>;
/** Cyclades' tag list: the tags and the status of each (`ACTIVE`, `PENDADD`, `PENDDEL`). */
export type TagList = S['Tags'];

/** A file injected at create time (`personality`): `contents` is base64 text, or bytes opskit encodes. */
export interface Personality {
  path: string;
  contents: string | Uint8Array;
  owner?: string;
  group?: string;
  /** File mode as a number (`0o644`). */
  mode?: number;
}

/** A NIC of a new server: a network (optionally with a fixed IP) or an existing port. */
export type ServerNetwork = { uuid: string; fixed_ip?: string } | { port: string };
