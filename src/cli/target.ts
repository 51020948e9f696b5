import type { CliIo } from './io.js';

/** The server a command talks to, for error messages that name it and say how to fix the URL. */
export interface Target {
  /** The URL as configured (`--url`, the environment, a config file). */
  url: string;
  /** Where it came from, e.g. `--url (-U) or TRITON_URL` or `--mist-uri`: what to change. */
  setting: string;
  /** Whether the group has `--insecure` (for certificate errors). */
  insecureFlag?: string;
}

// Keyed by the run's io: each run of the CLI has its own, so runs in one process never mix.
const targets = new WeakMap<CliIo, Target>();

/** Records the server of this run (the last one recorded wins). */
export function setTarget(io: CliIo, target: Target): void {
  targets.set(io, target);
}

/** The server this run talks to, if a command recorded one. */
export function targetOf(io: CliIo): Target | undefined {
  return targets.get(io);
}
