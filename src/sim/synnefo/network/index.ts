import type { Hono } from 'hono';
import { createServiceApp, methodNotAllowed } from '../cyclades-http.js';
import type { SynnefoSimHost } from '../host.js';
import { configureCyclades, cycladesState, type CycladesServiceOptions } from '../cyclades-state.js';
import { floatingipRoutes } from './floatingips.js';
import { networkRoutes } from './networks.js';
import { portRoutes } from './ports.js';
import { subnetRoutes } from './subnets.js';

/**
 * The simulated Cyclades network service (a `SynnefoSimService`; `options` as `services.<name>` of createSim; protocol §4), routes relative to `/network/v2.0`, with
 * Cyclades' rules: network create needs `type`, rename only, subnet delete 400, one IPv4 per
 * port, floating IP create 200 and update 501, no bulk create, 421 networkInUse. Private
 * networks and floating IPs are charged through the host.
 */
export const createNetworkService = (host: SynnefoSimHost, options?: CycladesServiceOptions): Hono => {
  configureCyclades(cycladesState(host), options);
  const app = createServiceApp();
  networkRoutes(app, host);
  subnetRoutes(app, host);
  portRoutes(app, host);
  floatingipRoutes(app, host);
  const routes: [string, string[]][] = [
    ['/networks', ['GET', 'POST']], ['/networks/:id{[\\w]+}', ['GET', 'PUT', 'DELETE']], ['/networks/:id{[\\w]+}/action', ['POST']],
    ['/subnets', ['GET', 'POST']], ['/subnets/:id{[-\\w]+}', ['GET', 'PUT', 'DELETE']],
    ['/ports', ['GET', 'POST']], ['/ports/:id{[-\\w]+}', ['GET', 'PUT', 'DELETE']],
    ['/floatingips', ['GET', 'POST']], ['/floatingips/:id{[\\w]+}', ['GET', 'PUT', 'DELETE']], ['/floatingips/:id{[\\w]+}/action', ['POST']],
  ];
  for (const [path, allowed] of routes) methodNotAllowed(app, path, allowed);
  return app;
};
