import { connect } from 'node:net';
import { createClock, createSim, type DemoSim } from '../../../src/sim/index.js';

/** A fresh demo sim on a manual clock. */
export function demoSim(): DemoSim {
  return createSim('demo', { clock: createClock(Date.UTC(2024, 0, 1)), seed: 1 });
}

/** Logs in over HTTP and returns the Authorization header. */
export async function login(url: string, sim: DemoSim): Promise<Record<string, string>> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: sim.credentials.username, password: sim.credentials.password }),
  });
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

/**
 * Sends a raw HTTP/1.1 request and collects every byte until the server closes the
 * connection, to see exactly what went over the wire (fetch hides short bodies).
 */
export function rawExchange(url: string, request: string): Promise<{ head: string; body: Buffer; error?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    let error: string | undefined;
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      resolve({
        head: split === -1 ? all.toString('latin1') : all.subarray(0, split).toString('latin1'),
        body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4),
        ...(error !== undefined && { error }),
      });
    });
  });
}
