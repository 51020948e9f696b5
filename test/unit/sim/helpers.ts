import { createClock, createSim, type DemoSim, type DemoSimOptions } from '../../../src/sim/index.js';

/** A demo sim on a manual clock at a fixed date, with a seed, so runs repeat exactly. */
export function demoSim(options: DemoSimOptions = {}): DemoSim {
  return createSim('demo', { clock: createClock(Date.UTC(2024, 0, 1)), seed: 42, ...options });
}

/** Logs in and returns the Authorization header to send. */
export async function login(sim: DemoSim): Promise<Record<string, string>> {
  const res = await sim.fetch('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: sim.credentials.username, password: sim.credentials.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}
