import type { Hono } from 'hono';
import { createServiceApp, methodNotAllowed } from '../cyclades-http.js';
import type { SynnefoSimHost } from '../host.js';
import { configureCyclades, cycladesState, type CycladesServiceOptions } from '../cyclades-state.js';
import { actionRoutes } from './actions.js';
import { attachmentRoutes } from './attachments.js';
import { catalogRoutes } from './catalog.js';
import { floatingIpRoutes } from './floating-ips.js';
import { keypairRoutes } from './keypairs.js';
import { metadataRoutes } from './metadata.js';
import { serverRoutes } from './servers.js';
import { tagRoutes } from './tags.js';

/**
 * The simulated Cyclades compute service (a `SynnefoSimService`; `options` as `services.<name>` of createSim; protocol §3), routes relative to `/compute/v2.0`:
 * servers on the injectable clock (BUILD → ACTIVE → STOPPED / REBOOT / RESIZE / DELETED), their
 * actions with per-action success codes, metadata, tags, addresses, volume attachments, flavors,
 * the compute view of images, key pairs and the floating-IP extension. Quota is charged through
 * the host on create and released on delete.
 */
export const createComputeService = (host: SynnefoSimHost, options?: CycladesServiceOptions): Hono => {
  configureCyclades(cycladesState(host), options);
  const app = createServiceApp();
  serverRoutes(app, host);
  actionRoutes(app, host);
  metadataRoutes(app, host);
  tagRoutes(app, host);
  attachmentRoutes(app, host);
  catalogRoutes(app, host);
  keypairRoutes(app, host);
  floatingIpRoutes(app, host);
  const S = '/servers/:id{[0-9]+}';
  const routes: [string, string[]][] = [
    ['/servers', ['GET', 'POST']], [S, ['GET', 'PUT', 'DELETE']], [`${S}/action`, ['POST']], [`${S}/metadata`, ['GET', 'POST']],
    [`${S}/metadata/:key`, ['GET', 'PUT', 'DELETE']], [`${S}/tags`, ['GET', 'PUT', 'DELETE']], [`${S}/tags/:tag`, ['GET', 'PUT', 'DELETE']],
    [`${S}/password`, ['GET', 'DELETE']], [`${S}/os-volume_attachments`, ['GET', 'POST']], [`${S}/os-volume_attachments/:att{[0-9]+}`, ['GET', 'DELETE']],
    ['/images/:id', ['GET', 'DELETE']], ['/images/:id/metadata', ['GET', 'POST']], ['/images/:id/metadata/:key', ['GET', 'PUT', 'DELETE']],
    ['/os-keypairs', ['GET', 'POST']], ['/os-keypairs/:name', ['GET', 'DELETE']], ['/os-floating-ips', ['GET', 'POST']], ['/os-floating-ips/:id', ['GET', 'DELETE']],
  ];
  for (const [path, allowed] of routes) methodNotAllowed(app, path, allowed);
  return app;
};
