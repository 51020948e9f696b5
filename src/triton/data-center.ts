import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { checkOptions } from '../core/options.js';
import type { HttpSigner } from '../crypto/http-signature/signer.js';
import { checkTritonAuthOptions } from './auth.js';
import { createTritonClient, type TritonApi } from './client.js';
import type { DataCenterOptions } from './data-center-options.js';
import { checkHeaders } from '../core/header-safe.js';
import { DEFAULT_LOCATION, KNOWN_LOCATIONS, resolveLocation } from './locations.js';
import { accountMethods } from './methods/account.js';
import { accessKeyMethods } from './methods/access-keys.js';
import { configMethods } from './methods/config.js';
import { datacenterMethods } from './methods/datacenters.js';
import { diskMethods } from './methods/disks.js';
import { fabricMethods } from './methods/fabrics.js';
import { firewallMethods } from './methods/firewall.js';
import { imageMethods } from './methods/images.js';
import { keyMethods } from './methods/keys.js';
import { machineActionMethods } from './methods/machine-actions.js';
import { machineMethods } from './methods/machines.js';
import { metadataMethods } from './methods/metadata.js';
import { migrationMethods } from './methods/migrations.js';
import { networkMethods } from './methods/networks.js';
import { nicMethods } from './methods/nics.js';
import { packageMethods } from './methods/packages.js';
import { policyMethods } from './methods/policies.js';
import { roleTagMethods } from './methods/role-tags.js';
import { roleMethods } from './methods/roles.js';
import { snapshotMethods } from './methods/snapshots.js';
import { tagMethods } from './methods/tags.js';
import { userMethods } from './methods/users.js';
import { volumeMethods } from './methods/volumes.js';
import { waiterMethods } from './methods/waiters.js';
import { AUTHENTICATE_OPTIONS, DATA_CENTER_ALIASES, DATA_CENTER_OPTIONS } from './option-names.js';
import { resolveAuth } from './resolve-signer.js';

// Each resource's methods live in methods/<resource>.ts (one operationId each, plus py-smartdc's
// names); they are mixed into the prototype below and typed through this interface.
type Mixed = typeof accountMethods & typeof keyMethods & typeof userMethods & typeof accessKeyMethods & typeof roleMethods &
  typeof policyMethods & typeof roleTagMethods & typeof configMethods & typeof datacenterMethods & typeof imageMethods &
  typeof packageMethods & typeof machineMethods & typeof machineActionMethods & typeof snapshotMethods & typeof diskMethods &
  typeof metadataMethods & typeof tagMethods & typeof nicMethods & typeof migrationMethods & typeof firewallMethods &
  typeof fabricMethods & typeof networkMethods & typeof volumeMethods & typeof waiterMethods;

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DataCenter extends Mixed {}

/**
 * One CloudAPI endpoint (a Triton / SmartDataCenter datacenter), as py-smartdc's `DataCenter`:
 * every py-smartdc method (camelCased and fixed) plus one method per CloudAPI operation, named by
 * its operationId (`listUsers`, `createFabricVLAN`, …). Requests are signed with HTTP Signatures
 * from an SSH key (`key`) or any signer (`signer`, e.g. ssh-agent).
 *
 * ```ts
 * const dc = new DataCenter({ url: 'https://cloudapi.us-central-1.triton.zone', account: 'jill', key: privateKeyText });
 * const m = await dc.createMachine({ name: 'web-1', package: 'g4-highcpu-1G', image: imageId });
 * await m.waitFor('running', { onProgress: (p) => console.log(p.value.state) });
 * ```
 */
export class DataCenter {
  /** The typed low-level client (`dc.api.GET('/{login}/…')`) for anything not wrapped here. */
  api: TritonApi;
  /** Login used in URL paths (`my` until {@link DataCenter.account} learns the real one). */
  login: string;
  /** Account login the keyId names, when signing. */
  readonly accountLogin: string | undefined;
  /** RBAC sub-user, when signing as one. */
  readonly user: string | undefined;
  /** The keyId sent (`/<account>[/users/<user>]/keys/<md5>`). */
  keyId: string | undefined;
  /** What signs requests (and pre-signed URLs); undefined for an unsigned client. */
  signer: HttpSigner | undefined;
  readonly location: string;
  /** Base URL without the login (`https://…`). */
  readonly baseUrl: string;
  /** This instance's location table; {@link DataCenter.datacenters} merges into it (never into a shared one). */
  readonly knownLocations: Record<string, string>;
  /** @internal The options this instance was made with (for `datacenter()` and `authenticate()`). */
  options: DataCenterOptions;
  /** @internal Server time of this instance's latest change to each machine (for audit waiters). */
  readonly changes = new Map<string, number>();

  /**
   * @throws ConfigError for an unknown option name (with the name meant, e.g. py-smartdc's `secret`
   *   → `key`), an account, user or keyId a header cannot carry, a key that does not fit, or neither
   *   `key` nor `signer` without `unsigned: true`.
   */
  constructor(options: DataCenterOptions = {}) {
    checkOptions('new DataCenter()', options, DATA_CENTER_OPTIONS, DATA_CENTER_ALIASES);
    checkTritonAuthOptions('new DataCenter()', options);
    checkHeaders('new DataCenter()', options.headers);
    this.options = { ...options };
    this.knownLocations = { ...(options.knownLocations ?? KNOWN_LOCATIONS) };
    this.location = options.location ?? DEFAULT_LOCATION;
    this.baseUrl = baseUrlOf(options.url ?? resolveLocation(this.location, this.knownLocations));
    const auth = resolveAuth(options, 'new DataCenter()');
    requireSigner('new DataCenter()', options, auth);
    this.accountLogin = auth.account;
    this.user = auth.user;
    this.keyId = auth.keyId;
    this.signer = auth.signer;
    this.login = auth.account ?? 'my';
    this.api = clientFor(this, auth);
    // Dry run: every async method resolves with the first request it would send.
    if (options.dryRun) return dryRunnable(this);
  }

  /** py-smartdc's `url`: base URL + `/` + login. */
  get url(): string {
    return `${this.baseUrl}/${this.login}`;
  }

  /** Same endpoint and account (resolving `my` through GetAccount first, as py-smartdc's `__eq__`). */
  async equals(other: DataCenter): Promise<boolean> {
    if (this.login === 'my') await this.account();
    if (other.login === 'my') await other.account();
    return this.url === other.url;
  }

  /**
   * Switches the credentials (py-smartdc `authenticate`): a new key or signer, keyId or passphrase.
   * Later calls are signed with them.
   */
  authenticate(options: Pick<DataCenterOptions, 'key' | 'signer' | 'keyId' | 'passphrase' | 'algorithm' | 'account' | 'user'>): this {
    checkOptions('DataCenter.authenticate()', options, AUTHENTICATE_OPTIONS, DATA_CENTER_ALIASES);
    const next = { ...this.options, ...options };
    if (options.signer) delete next.key;
    if (options.key !== undefined) delete next.signer;
    // New credentials end an unsigned DataCenter's unsigned state.
    if (options.signer || options.key !== undefined) delete next.unsigned;
    const auth = resolveAuth(next, 'DataCenter.authenticate()');
    requireSigner('DataCenter.authenticate()', next, auth);
    this.options = next;
    this.keyId = auth.keyId;
    this.signer = auth.signer;
    this.api = clientFor(this, auth);
    return this;
  }

  /**
   * py-smartdc `datacenter(name)`: a DataCenter for another location with the same credentials and
   * options. An unknown name without a dot is looked up with ListDatacenters first.
   */
  async datacenter(name: string): Promise<DataCenter> {
    if (!Object.prototype.hasOwnProperty.call(this.knownLocations, name) && !name.includes('.')) {
      await this.datacenters();
      if (!Object.prototype.hasOwnProperty.call(this.knownLocations, name)) throw new ConfigError(`unknown datacenter ${JSON.stringify(name)}`);
    }
    const { url: _url, ...rest } = this.options;
    return new DataCenter({ ...rest, location: name, knownLocations: { ...this.knownLocations }, account: this.accountLogin ?? this.options.account });
  }

  /** Path parameters with this DataCenter's login. @internal */
  p<T extends Record<string, unknown>>(extra?: T): { login: string } & T {
    return { login: this.login, ...(extra as T) };
  }

  /** Public facts only: the options (private key, passphrase) stay out of JSON and logs. */
  toJSON(): Record<string, unknown> {
    return { url: this.url, location: this.location, login: this.login, keyId: this.keyId, user: this.user };
  }

  /** What `console.log` shows in Node: the same public facts as `toJSON`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `DataCenter ${JSON.stringify(this.toJSON())}`;
  }
}

/** A base URL without trailing slashes; one a URL parser would silently rewrite (CR, LF, tab) is refused. */
function baseUrlOf(url: string): string {
  if (typeof url !== 'string' || /[\u0000-\u0020\u007f]/.test(url)) throw new ConfigError('new DataCenter(): url contains whitespace or a control character');
  try {
    new URL(url);
  } catch {
    throw new ConfigError('new DataCenter(): url is not a valid URL');
  }
  return url.replace(/\/+$/, '');
}

/** Unsigned requests only when asked for: a missing or misspelled key must not become a stream of 401s. */
function requireSigner(where: string, options: DataCenterOptions, auth: ReturnType<typeof resolveAuth>): void {
  if (options.unsigned !== undefined && typeof options.unsigned !== 'boolean') throw new ConfigError(`${where}: unsigned must be true or false`);
  if (auth.signer && options.unsigned === true) throw new ConfigError(`${where}: unsigned: true cannot be combined with key or signer`);
  if (!auth.signer && options.unsigned !== true) {
    throw new ConfigError(`${where}: no key or signer; pass key (a private key) or signer, or unsigned: true for unauthenticated calls such as ping()`);
  }
}

// A module function rather than a #private method: DataCenters are often wrapped in Proxies
// (dry run, user instrumentation), and #private members refuse a Proxy as receiver.
function clientFor(dc: DataCenter, auth: ReturnType<typeof resolveAuth>): TritonApi {
  const o = dc.options;
  return createTritonClient({
    ...o,
    baseUrl: dc.baseUrl,
    signer: auth.signer,
    keyId: auth.keyId,
    acceptVersion: o.acceptVersion,
    dateHeader: o.dateHeader,
    signHeaders: o.signHeaders,
    secrets: [...(o.secrets ?? []), ...(o.passphrase ? [o.passphrase] : [])],
  });
}

Object.assign(
  DataCenter.prototype,
  accountMethods, keyMethods, userMethods, accessKeyMethods, roleMethods, policyMethods, roleTagMethods, configMethods,
  datacenterMethods, imageMethods, packageMethods, machineMethods, machineActionMethods, snapshotMethods, diskMethods,
  metadataMethods, tagMethods, nicMethods, migrationMethods, firewallMethods, fabricMethods, networkMethods, volumeMethods, waiterMethods,
);
