/**
 * `opskit/node`: Node-only helpers. Serves any `opskit/sim` simulator on a TCP port so
 * foreign clients, browsers and the CLI can reach it.
 *
 * @packageDocumentation
 */
export { serve, serveBuilt, type ServeOptions, type ServedSim } from './serve.js';
export { createNodeHandler, type NodeHandler } from './handler.js';
export { withCors, type CorsOptions } from './cors.js';
export * from './mist/index.js';
export * from './synnefo/index.js';
export * from './timesys/index.js';
export * from './triton/index.js';
export * from './turbonomic/index.js';
