import { join } from 'node:path';
import { isDryRunRequest, type DryRunRequest } from '../../../core/dry-run.js';
import { keySigner, type HttpSigner } from '../../../crypto/http-signature/signer.js';
import type { WaitProgress } from '../../../core/wait-for.js';
import { currentProfileName, loadTritonProfile, signerForKeyId, tritonEnv, type TritonProfile } from '../../../node/index.js';
import { DataCenter, type DataCenterOptions, type TritonWaitOptions } from '../../../triton/index.js';
import { durationOption } from '../../duration.js';
import type { CliIo } from '../../io.js';
import { elapsed, progress, type Progress } from '../../progress.js';
import { readInputFile } from '../../read-file.js';
import { checkServiceUrl } from '../../service-url.js';
import { setTarget } from '../../target.js';
import { UsageError } from '../../usage-error.js';
import { str, strs, type OptDef, type OptValues } from './args.js';
import { outputFormat, printList, printObject, type Column, type OutputFormat } from './output.js';
import { Resolver } from './resolve.js';
import { flag, list, value } from './tree.js';

/** Options every `opskit triton` command takes, before or after the command words. */
export const GLOBAL_OPTIONS: readonly OptDef[] = [
  value('profile', 'NAME', "node-triton profile (~/.triton/profiles.d/NAME.json; default $TRITON_PROFILE, the current one, or env: the TRITON_*/SDC_* variables)", 'p'),
  value('url', 'URL', 'CloudAPI URL (default $TRITON_URL or $SDC_URL)', 'U'),
  value('account', 'LOGIN', 'account login (default $TRITON_ACCOUNT or $SDC_ACCOUNT)', 'a'),
  value('user', 'LOGIN', 'RBAC sub-user to sign as (default $TRITON_USER or $SDC_USER)', 'u'),
  list('role', 'ROLE', 'RBAC roles to act as (as-role; repeat it or give a comma list; default $TRITON_ROLE)', 'r'),
  value('key-id', 'FP', 'key fingerprint, looked up in ssh-agent, then ~/.ssh (default $TRITON_KEY_ID or $SDC_KEY_ID)', 'k', ['keyId']),
  value('key-file', 'FILE', 'private key file instead of --key-id (default $OPSKIT_TRITON_KEY_FILE; passphrase from $TRITON_KEY_PASSPHRASE)'),
  value('accept-version', 'RANGE', 'Accept-Version range (default ~9||~8)'),
  flag('insecure', 'do not verify the CloudAPI TLS certificate', 'i'),
  value('output', 'FORMAT', 'json (the default), table, or a comma list of fields for a table', 'o'),
  flag('json', 'same as -o json (Joyent\'s -j)', 'j'),
  flag('no-header', 'tables without their header row', 'H'),
  flag('dry-run', 'print the request a change would send instead of sending it; look-ups of names still run'),
  value('timeout', 'DURATION', 'with --wait: give up after this long (default 600s; Joyent\'s --wait-timeout)', undefined, ['wait-timeout']),
  value('interval', 'DURATION', 'with --wait: time between polls (default 2s)'),
  flag('progress', 'with --wait: a progress line on stderr even when it is not a terminal'),
  flag('help', 'show help (also after any command)', 'h'),
  flag('debug', 'print stack traces on errors'),
];

/** What a DataCenter is built from, after the profile, the environment and the options. */
interface Settings {
  url: string;
  account: string;
  user?: string | undefined;
  keyId?: string | undefined;
  keyFile?: string | undefined;
  roles: string[];
  insecure: boolean;
}

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
  #line: Progress | undefined;

  constructor(readonly io: CliIo, readonly opts: OptValues) {
    this.format = outputFormat(str(opts.output), opts.json === true, opts['no-header'] === true);
    this.dryRun = opts['dry-run'] === true;
    this.interval = durationOption(opts.interval, '--interval', 2000);
    this.timeout = durationOption(opts.timeout, '--timeout', 600_000);
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
    this.#endProgress();
    this.io.stdout(`${JSON.stringify(result)}\n`);
    return true;
  }

  print(value: unknown): void {
    this.#endProgress();
    printObject(this.io, this.format, value);
  }

  printList<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
    this.#endProgress();
    printList(this.io, this.format, rows, columns);
  }

  /** One line on stderr (notes): stdout stays machine-readable. */
  note(text: string): void {
    this.#endProgress();
    this.io.stderr(`${text}\n`);
  }

  /**
   * Wait options from `--interval`/`--timeout`, with a progress line on stderr: rewritten in place
   * on a terminal, quiet in a pipe unless `--progress` (then a line per change).
   */
  waitOptions<T>(describe: (p: WaitProgress<T>) => string): TritonWaitOptions<T> {
    const line = (this.#line ??= progress(this.io, this.opts.progress === true));
    return {
      interval: this.interval,
      timeout: this.timeout,
      onProgress: (p) => line.update(`${describe(p)}${p.error ? ` (poll failed: ${p.error.message.split('\n')[0]})` : ''} (${elapsed(p.elapsedMs)})`),
    };
  }

  /** Ends a progress line before anything else is printed, so the next line starts clean. */
  #endProgress(): void {
    this.#line?.done();
    this.#line = undefined;
  }

  async #connect(dryRun: boolean): Promise<DataCenter> {
    const c = await this.#settings();
    const signer = await this.#signer(c);
    if (c.insecure) {
      // Node's fetch has no per-request switch; this process is the CLI's own.
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    }
    const options: DataCenterOptions = {
      url: c.url,
      account: c.account,
      signer,
      ...(c.user ? { user: c.user } : {}),
      ...(str(this.opts['accept-version']) ? { acceptVersion: str(this.opts['accept-version'])! } : {}),
      ...(dryRun ? { dryRun: true } : {}),
      // `-r ROLE`: CloudAPI reads `as-role` from the query of every request (lib/auth.js).
      ...(c.roles.length ? { fetch: withAsRole(c.roles.join(',')) } : {}),
    };
    return new DataCenter(options);
  }

  /**
   * URL, account, user, roles and key as node-triton settles them: the profile (`-p NAME`,
   * `$TRITON_PROFILE`, the current one in ~/.triton/config.json, else `env`: the TRITON_ and SDC_
   * variables), then the command-line options over it. opskit's `--key-file` (or, with the env
   * profile, `$OPSKIT_TRITON_KEY_FILE`) signs with a key file instead of ssh-agent or ~/.ssh.
   */
  async #settings(): Promise<Settings> {
    const env = this.io.env;
    const o = this.opts;
    const name = str(o.profile) ?? (await currentProfileName({ env }));
    let base: Partial<TritonProfile> & { roles?: string[] };
    let from: string;
    if (name === 'env') {
      base = { ...tritonEnv(env) };
      const insecure = env.TRITON_TLS_INSECURE ?? env.SDC_TLS_INSECURE;
      if (insecure !== undefined && /^(1|true|yes|on)$/i.test(insecure)) base.insecure = true;
      if (env.TRITON_ROLE) base.roles = env.TRITON_ROLE.split(',').map((r) => r.trim()).filter(Boolean);
      from = 'TRITON_URL or SDC_URL';
    } else {
      base = await loadTritonProfile(name, { env });
      if (base.actAsAccount) throw new UsageError(`profile "${name}" sets actAsAccount, which opskit triton does not support; use a profile without it`);
      from = `profile "${name}"`;
    }
    const url = str(o.url) ?? base.url;
    const account = str(o.account) ?? base.account;
    if (!url) throw new UsageError("no CloudAPI URL: pass --url (-U), set TRITON_URL or SDC_URL, or name a profile with -p (see 'opskit triton profile list')");
    if (!account) throw new UsageError('no account: pass --account (-a), set TRITON_ACCOUNT or SDC_ACCOUNT, or name a profile with -p');
    const setting = str(o.url) !== undefined ? '--url (-U)' : from;
    checkServiceUrl(url, setting);
    setTarget(this.io, { url, setting, insecureFlag: '--insecure (-i)' });
    const roles = strs(o.role).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    const keyFile = str(o['key-file']) ?? (str(o['key-id']) === undefined && name === 'env' ? env.OPSKIT_TRITON_KEY_FILE || undefined : undefined);
    return {
      url,
      account,
      user: str(o.user) ?? base.user,
      keyId: str(o['key-id']) ?? base.keyId,
      keyFile,
      roles: roles.length ? roles : (base.roles ?? []),
      insecure: o.insecure === true || base.insecure === true,
    };
  }

  async #signer(c: Settings): Promise<HttpSigner> {
    const passphrase = this.io.env.TRITON_KEY_PASSPHRASE ?? this.io.env.SDC_KEY_PASSPHRASE;
    if (c.keyFile !== undefined) {
      const text = new TextDecoder().decode(await readInputFile(this.io, c.keyFile, 'key file'));
      try {
        return keySigner(text, passphrase ? { passphrase } : {});
      } catch (e) {
        throw new UsageError(`key file ${c.keyFile}: ${(e as Error).message}`);
      }
    }
    if (!c.keyId) throw new UsageError('no key: pass --key-file FILE or --key-id FINGERPRINT (-k), set TRITON_KEY_ID or SDC_KEY_ID, or name a profile with -p');
    const home = this.io.env.HOME;
    try {
      return await signerForKeyId(c.keyId, { env: this.io.env, ...(home ? { sshDir: join(home, '.ssh') } : {}), ...(passphrase ? { passphrase } : {}) });
    } catch (e) {
      throw new UsageError(`no usable key with fingerprint ${c.keyId} in ssh-agent or ~/.ssh: ${(e as Error).message}`);
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
