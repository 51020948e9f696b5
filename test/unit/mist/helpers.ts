import { after } from 'node:test';
import { MistClient, type MistClientOptions } from '../../../src/mist/index.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createClock, createSim } from '../../../src/sim/index.js';
import type { MistSim, MistSimOptions } from '../../../src/sim/mist/index.js';

/** Test servers, closed when the file's tests end. */
const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A mist simulator on a manual clock (fast transitions), seeded. */
export function mistSim(options: MistSimOptions = {}): MistSim {
  return createSim('mist', { clock: createClock(1_700_000_000_000), seed: 11, transitionMs: 1000, ...options });
}

/** The simulator served on 127.0.0.1 (real HTTP). */
export async function served(sim: MistSim): Promise<ServedSim> {
  const s = await serve(sim);
  servers.push(s);
  return s;
}

/** A `sleep` for waiters that moves the simulator clock instead of waiting. */
export const clockSleep = (sim: MistSim) => async (ms: number) => {
  sim.clock.advance(ms);
};

/** Logged in over real HTTP; the client's clock is the simulator's. */
export async function loggedIn(sim: MistSim, url: string, options: Omit<MistClientOptions, 'mistUri' | 'apiToken'> = {}): Promise<MistClient> {
  return MistClient.login({ mistUri: url, ...sim.credentials, now: () => sim.clock.now(), ...options } as Parameters<typeof MistClient.login>[0]);
}

/** An RSA key in PKCS#1 PEM (the format mist.io's server of 2014 generated), from the Triton scenario's public test vector. */
export const RSA_PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF',
  'NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F',
  'UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB',
  'AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA',
  'QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK',
  'kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg',
  'f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u',
  '412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc',
  'mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7',
  'kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA',
  'gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW',
  'G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI',
  '7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

/** The Triton recorder, re-stated here (a family's tests import nothing of another's). */
export function methodNames(proto: object, exclude: readonly string[] = []): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    if (name === 'constructor' || name.startsWith('_') || exclude.includes(name)) return false;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    return typeof d?.value === 'function';
  });
}

/** Wraps an object so every method read through it is recorded (the real code runs). */
export function recording<T extends object>(target: T, seen: Set<string>, prefix = ''): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value === 'function' && typeof prop === 'string' && prop !== 'constructor') seen.add(prefix + prop);
      return value;
    },
  });
}
