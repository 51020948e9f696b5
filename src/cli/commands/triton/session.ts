import { join } from 'node:path';
import { isDryRunRequest, type DryRunRequest } from '../../../core/dry-run.js';
import { keySigner, type HttpSigner } from '../../../crypto/http-signature/signer.js';
import type { WaitProgress } from '../../../core/wait-for.js';
import { signerForKeyId, tritonEnv } from '../../../node/index.js';
import { DataCenter, type DataCenterOptions, type TritonWaitOptions } from '../../../triton/index.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { parseDuration, str, strs, type OptDef, type OptValues } from './args.js';
import { outputFormat, printList, printObject, type Column, type OutputFormat } from './output.js';
import { Resolver } from './resolve.js';
import { flag, list, value } from './tree.js';

/** Options every `opskit triton` command takes, before or after the command words. */
export const GLOBAL_OPTIONS: readonly OptDef[] = [
  value('url', 'URL', 'CloudAPI URL (default $TRITON_URL or $SDC_URL)', 'U'),
  value('account', 'LOGIN', 'account login (default $TRITON_ACCOUNT or $SDC_ACCOUNT)', 'a'),
  value('user', 'LOGIN', 'RBAC sub-user to sign as (default $TRITON_USER or $SDC_USER)', 'u'),
  list('role', 'ROLE', 'RBAC roles to act as (as-role; repeat it or give a comma list; default $TRITON_ROLE)', 'r'),
  value('key-id', 'FP', 'key fingerprint, looked up in ssh-agent, then ~/.ssh (default $TRITON_KEY_ID or $SDC_KEY_ID)', 'k', ['keyId']),
  value('key-file', 'FILE', 'private key file instead of --key-id (passphrase from $TRITON_KEY_PASSPHRASE)'),
  value('accept-version', 'RANGE', 'Accept-Version range (default ~9||~8)'),
  flag('insecure', 'do not verify the CloudAPI TLS certificate', 'i'),
  value('output', 'FORMAT', 'json (the default), table, or a comma list of fields for a table', 'o'),
  flag('json', 'same as -o json (Joyent\'s -j)', 'j'),
  flag('no-header', 'tables without their header row', 'H'),
  flag('dry-run', 'print the request a change would send instead of sending it; look-ups of names still run'),
  value('timeout', 'DURATION', 'with --wait: give up after this long (default 600s; Joyent\'s --wait-timeout)', undefined, ['wait-timeout']),
  value('interval', 'DURATION', 'with --wait: time between polls (default 2s)'),
  flag('help', 'show help (also after any command)', 'h'),
  flag('debug', 'print stack traces on errors'),
];

const isNotFound = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';

/**
 * Everything a command needs besides its arguments: the DataCenter (signed as the command line and
 * the environment say), a dry-run twin for changes, output in the chosen format, and waiting with
 * progress on stderr.
 */
export class Session {
  readonly format: OutputFormat;
  readonly dryRun: boolean;
  readonly interval: number;
  readonly timeout: number;
  #live: Promise<DataCenter> | undefined;
  #dry: Promise<DataCenter> | undefined;
  #resolver: Resolver | undefined;

  constructor(readonly io: CliIo, readonly opts: OptValues) {
    this.format = outputFormat(str(opts.output), opts.json === true, opts['no-header'] === true);
    this.dryRun = opts['dry-run'] === true;
    this.interval = str(opts.interval) === undefined ? 2000 : parseDuration(str(opts.interval)!, '--interval');
    this.timeout = str(opts.timeout) === undefined ? 600_000 : parseDuration(str(opts.timeout)!, '--timeout');
  }

  /** The DataCenter for reads and look-ups (built on first use). */
  dc(): Promise<DataCenter> {
    return (this.#live ??= this.#connect(false));
  }

  /** The DataCenter for changes: a dry-run one with `--dry-run` (it resolves with the request it would send). */
  writer(): Promise<DataCenter> {
    return this.dryRun ? (this.#dry ??= this.#connect(true)) : this.dc();
  }

  /** Name and short-id resolution through the live DataCenter. */
  async resolve(): Promise<Resolver> {
    return (this.#resolver ??= new Resolver(await this.dc(), this.io));
  }

  /** True when a change came back as a dry-run request (it was printed; nothing to wait for). */
  dry(result: unknown): result is DryRunRequest {
    if (!isDryRunRequest(result)) return false;
    this.io.stdout(`${JSON.stringify(result)}\n`);
    return true;
  }

  print(value: unknown): void {
    printObject(this.io, this.format, value);
  }

  printList<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
    printList(this.io, this.format, rows, columns);
  }

  /** One line on stderr (progress, notes): stdout stays machine-readable. */
  note(text: string): void {
    this.io.stderr(`${text}\n`);
  }

  /** Wait options from `--interval`/`--timeout`, with one progress line per poll on stderr. */
  waitOptions<T>(describe: (p: WaitProgress<T>) => string): TritonWaitOptions<T> {
    return {
      interval: this.interval,
      timeout: this.timeout,
      onProgress: (p) => this.note(`${describe(p)}${p.error ? ` (poll failed: ${p.error.message.split('\n')[0]})` : ''} (${(p.elapsedMs / 1000).toFixed(1)} s)`),
    };
  }

  async #connect(dryRun: boolean): Promise<DataCenter> {
    const env = tritonEnv(this.io.env);
    const o = this.opts;
    const url = str(o.url) ?? env.url;
    const account = str(o.account) ?? env.account;
    if (!url) throw new UsageError('no CloudAPI URL: pass --url (-U) or set TRITON_URL or SDC_URL');
    if (!account) throw new UsageError('no account: pass --account (-a) or set TRITON_ACCOUNT or SDC_ACCOUNT');
    const signer = await this.#signer(env.keyId);
    const user = str(o.user) ?? env.user;
    const roles = strs(o.role).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    if (roles.length === 0 && this.io.env.TRITON_ROLE) roles.push(...this.io.env.TRITON_ROLE.split(',').filter(Boolean));
    if (o.insecure === true) {
      // Node's fetch has no per-request switch; this process is the CLI's own.
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    }
    const options: DataCenterOptions = {
      url,
      account,
      signer,
      ...(user ? { user } : {}),
      ...(str(o['accept-version']) ? { acceptVersion: str(o['accept-version'])! } : {}),
      ...(dryRun ? { dryRun: true } : {}),
      // `-r ROLE`: CloudAPI reads `as-role` from the query of every request (lib/auth.js).
      ...(roles.length ? { fetch: withAsRole(roles.join(',')) } : {}),
    };
    return new DataCenter(options);
  }

  async #signer(envKeyId: string | undefined): Promise<HttpSigner> {
    const passphrase = this.io.env.TRITON_KEY_PASSPHRASE ?? this.io.env.SDC_KEY_PASSPHRASE;
    const keyFile = str(this.opts['key-file']);
    if (keyFile !== undefined) {
      let text: string;
      try {
        text = new TextDecoder().decode(await this.io.readFile(keyFile));
      } catch (e) {
        throw new UsageError(`cannot read key file ${keyFile}: ${isNotFound(e) ? 'no such file' : ((e as { code?: string }).code ?? 'unreadable')}`);
      }
      try {
        return keySigner(text, passphrase ? { passphrase } : {});
      } catch (e) {
        throw new UsageError(`key file ${keyFile}: ${(e as Error).message}`);
      }
    }
    const keyId = str(this.opts['key-id']) ?? envKeyId;
    if (!keyId) throw new UsageError('no key: pass --key-file FILE or --key-id FINGERPRINT (-k), or set TRITON_KEY_ID or SDC_KEY_ID');
    const home = this.io.env.HOME;
    try {
      return await signerForKeyId(keyId, { env: this.io.env, ...(home ? { sshDir: join(home, '.ssh') } : {}), ...(passphrase ? { passphrase } : {}) });
    } catch (e) {
      throw new UsageError(`no usable key with fingerprint ${keyId} in ssh-agent or ~/.ssh: ${(e as Error).message}`);
    }
  }
}

/** A fetch that adds `as-role` to every request's query (the signature covers the Date, not the URL). */
function withAsRole(roles: string): (req: Request) => Promise<Response> {
  return (req) => {
    const url = new URL(req.url);
    url.searchParams.set('as-role', roles);
    return fetch(new Request(url, req));
  };
}
