import type { Backend } from './backend.js';
import type { Machine } from './machine.js';
import type { MistClient } from './mist-client.js';

/** mist.client's module function `backend_from_id(client, id)`: the cached backend with this id, or undefined. */
export function backendFromId(client: MistClient, backendId: string): Promise<Backend | undefined> {
  return client.backendFromId(backendId);
}

/** mist.client's module function `machine_from_id(backend, id)`: the cached machine with this id, or undefined. */
export function machineFromId(backend: Backend, machineId: string): Promise<Machine | undefined> {
  return backend.machineFromId(machineId);
}
