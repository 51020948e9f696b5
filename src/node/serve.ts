import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sim } from '../sim/index.js';
import { withCors, type CorsOptions } from './cors.js';
import { createNodeHandler } from './handler.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind (default `'127.0.0.1'`: a simulator has no business on the LAN). */
  host?: string;
  /** Let browser pages on these origins call the simulator (a CORS gateway in front of it; see `withCors`). */
  cors?: CorsOptions;
}

/** A running server. */
export interface ServedSim {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The underlying node:http server, for advanced use. */
  readonly server: Server;
  /** Stops listening and drops every connection, keep-alive and in-flight ones included. */
  close(): Promise<void>;
}

/** Serves a simulator over HTTP on a TCP port; injected faults happen on the wire. */
export async function serve(sim: Pick<Sim, 'handle'>, options: ServeOptions = {}): Promise<ServedSim> {
  const { sim: _sim, ...served } = await serveBuilt(() => sim, options);
  return served;
}

/**
 * Like {@link serve}, for a simulator that should know its own served URL (to hand out links and
 * credentials that name it): the port is bound first, then `build(url)` makes the simulator. If
 * `build` throws, the port is released and the error passed on.
 */
export async function serveBuilt<S extends Pick<Sim, 'handle'>>(build: (url: string) => S, options: ServeOptions = {}): Promise<ServedSim & { readonly sim: S }> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${requestedPort}`);
  }
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // server.close() alone waits for keep-alive sockets to time out (seconds);
      // a test server must free its port now.
      server.closeAllConnections();
    });
    return closing;
  };
  let sim: S;
  try {
    sim = build(url);
  } catch (e) {
    await close();
    throw e;
  }
  server.on('request', createNodeHandler(options.cors ? withCors(sim, options.cors) : sim, url));
  return { url, port, host, server, close, sim };
}
