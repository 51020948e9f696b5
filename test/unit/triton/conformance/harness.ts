// The Triton simulator served on 127.0.0.1 for Joyent's own Node clients (node-triton's `triton`,
// node-smartdc's `sdc-*`), each run as a real child process with the environment those CLIs read.
//
// Keys: both CLIs sign through smartdc-auth's KeyRing, which looks for the key named by
// TRITON_KEY_ID / SDC_KEY_ID in ssh-agent and then in ~/.ssh (private key files, any format
// sshpk reads). So the simulator's private key goes into $HOME/.ssh under a temporary HOME, and
// SSH_AUTH_SOCK is removed from the environment: no agent, no prompt, nothing of the user's.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePrivateKey } from '../../../../src/crypto/index.js';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createSim } from '../../../../src/sim/index.js';
import type { TritonSim, TritonSimOptions } from '../../../../src/sim/triton/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** node-triton 7.17.0's CLI entry. */
export const TRITON_BIN = join(ROOT, 'node_modules/triton/bin/triton');
/** node-smartdc 9.0.1's `sdc-*` commands. */
export const SDC_BIN_DIR = join(ROOT, 'node_modules/smartdc/bin');

/** One command's outcome. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The command line, for messages. */
  line: string;
}

/** A served simulator plus the files and environment the vendor CLIs need. */
export interface Served {
  sim: TritonSim;
  server: ServedSim;
  home: string;
  env: Record<string, string>;
  /** Runs `node <bin> …args` with the environment; never throws (the exit code is in the result). */
  run(bin: string, args: readonly string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<Run>;
  close(): Promise<void>;
}

/**
 * Fast state changes so node-triton's wait loops (1–3 s polls, hard-coded) end on their first or
 * second poll. Metadata, tag, rename and similar jobs take a whole second: node-triton waits for a
 * metadata job "finished after I started waiting" (its own clock, read after the reply), so a job
 * must outlast the time a loaded machine takes between reply and clock read; its polls come at
 * 0 s and 2 s anyway.
 */
export const CONFORMANCE_TIMING = { transitionMs: 300, asyncMs: 1000 } as const;

/**
 * The simulator on 127.0.0.1 with a generated ECDSA P-256 key in $HOME/.ssh. Not Ed25519:
 * node-smartdc 9.0.1 reads key files with sshpk 1.7.1, which gets the public half of about half of
 * all Ed25519 OpenSSH private keys wrong ("KeyNotFoundError", docs/compat.md).
 */
export async function serveForVendors(options: TritonSimOptions = {}): Promise<Served> {
  const sim = createSim('triton', { seed: 12, keyType: 'ecdsa', ...CONFORMANCE_TIMING, ...options });
  const server = await serve(sim);
  const home = mkdtempSync(join(tmpdir(), 'opskit-triton-vendor-'));
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  const key = sim.credentials.key!;
  writeFileSync(join(ssh, 'id_ecdsa'), key, { mode: 0o600 });
  writeFileSync(join(ssh, 'id_ecdsa.pub'), `${parsePrivateKey(key).publicKey.toString()}\n`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TRITON_URL: server.url,
    SDC_URL: server.url,
    TRITON_ACCOUNT: sim.credentials.account,
    SDC_ACCOUNT: sim.credentials.account,
    TRITON_KEY_ID: sim.credentials.keyId!,
    SDC_KEY_ID: sim.credentials.keyId!,
    // No colours, no pager, no update checks.
    TERM: 'dumb',
    NO_COLOR: '1',
  };
  const run = (bin: string, args: readonly string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}) =>
    new Promise<Run>((done) => {
      const line = `${bin.split('/').pop()} ${args.join(' ')}`;
      execFile(process.execPath, [bin, ...args], { env: { ...env, ...(opts.env ?? {}) }, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        // A process that never ran (spawn error) or was killed on timeout says so in stderr.
        const why = err && typeof (err as { code?: unknown }).code !== 'number' ? `\n[harness: ${(err as Error).message}${(err as { killed?: boolean }).killed ? ' (killed after the timeout)' : ''}]` : '';
        done({ code, stdout: String(stdout), stderr: String(stderr) + why, line });
      });
    });
  return {
    sim,
    server,
    home,
    env,
    run,
    async close() {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A file in the temporary HOME (boot scripts, RBAC configs, public keys). */
export function writeHomeFile(served: Served, name: string, text: string): string {
  const path = join(served.home, name);
  writeFileSync(path, text);
  return path;
}

/** Fails with the whole command line and its output, so a red test says what the vendor CLI printed. */
export function describe(r: Run): string {
  return `\`${r.line}\` exited ${r.code}\n--- stdout\n${r.stdout.slice(0, 2000)}\n--- stderr\n${r.stderr.slice(0, 2000)}`;
}

/** Runs one vendor CLI against a served simulator and counts what ran and passed. */
export class VendorCli {
  readonly runs: Run[] = [];
  constructor(private readonly served: Served, private readonly bin: (name: string) => string) {}

  /** Runs and asserts exit 0; returns the result. */
  async ok(name: string, ...args: string[]): Promise<Run> {
    const r = await this.served.run(this.bin(name), args);
    this.runs.push(r);
    if (r.code !== 0) throw new Error(describe(r));
    return r;
  }

  /**
   * Runs, asserts exit 0 and parses stdout as one JSON document; where a command prints one
   * document per line (node-triton's `create -w -j` prints the object as created and as
   * finished), the last one.
   */
  async json<T = unknown>(name: string, ...args: string[]): Promise<T> {
    const out = (await this.ok(name, ...args)).stdout.trim();
    try {
      return JSON.parse(out) as T;
    } catch {
      return out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).at(-1) as T;
    }
  }

  /** Runs, asserts exit 0 and parses stdout as a list: a JSON array, or one JSON document per line (node-triton's `-j`). */
  async list<T = Record<string, unknown>>(name: string, ...args: string[]): Promise<T[]> {
    const out = (await this.ok(name, ...args)).stdout.trim();
    if (out.startsWith('[')) return JSON.parse(out) as T[];
    return out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
  }

  /** Runs a command the vendor documents as failing here; asserts the exit code and message. */
  async fails(name: string, args: readonly string[], expected: { code?: number; message: RegExp }): Promise<Run> {
    const r = await this.served.run(this.bin(name), args);
    this.runs.push({ ...r, code: r.code === (expected.code ?? 1) && expected.message.test(r.stdout + r.stderr) ? 0 : r.code || 99 });
    if (r.code !== (expected.code ?? 1) || !expected.message.test(r.stdout + r.stderr)) {
      throw new Error(`expected exit ${expected.code ?? 1} matching ${expected.message}\n${describe(r)}`);
    }
    return r;
  }

  /** `ran N, passed M` for the test log. */
  summary(): string {
    return `${this.runs.length} commands run, ${this.runs.filter((r) => r.code === 0).length} passed`;
  }
}
