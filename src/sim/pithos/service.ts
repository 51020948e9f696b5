import type { Hono } from 'hono';
import { createSimApp } from '../app.js';
import type { SimObjectStoreView, SynnefoSimHost } from '../synnefo/host.js';

/**
 * The Pithos+ object-store service as the Synnefo simulator mounts it (routes relative to
 * `/object-store/v1`, i.e. `/{account}/{container}/{object}`), and the view other services get.
 * Being built: no routes yet.
 */
export function createPithosService(_host: SynnefoSimHost): { app: Hono; objects: SimObjectStoreView } {
  return {
    app: createSimApp(),
    objects: { find: () => undefined, setReadSharing: () => {} },
  };
}
