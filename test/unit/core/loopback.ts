/**
 * Real HTTP servers on 127.0.0.1 for core tests that need the real fetch (undici) and a real
 * socket: redirects across origins (two ports are two origins), bodies cut half-way, endless bodies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Loopback {
  url: string;
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function loopback(handler: (req: IncomingMessage, res: ServerResponse, arrival: Arrival) => void): Promise<Loopback> {
  const arrivals: Arrival[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const arrival = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') };
      arrivals.push(arrival);
      handler(req, res, arrival);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
