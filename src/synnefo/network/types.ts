import type { components } from '../generated/synnefo-network.js';

type S = components['schemas'];
export type Network = S['Network'];
export type Subnet = S['Subnet'];
export type Port = S['Port'];
export type FloatingIp = S['FloatingIp'];
