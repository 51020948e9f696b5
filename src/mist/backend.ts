import { dryRunnable } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';
import { checkOptions } from '../core/options.js';
import { checkIdList, INSPECT, optionalText, requireText } from './checks.js';
import type { components } from './generated/mist.js';
import { Key } from './key.js';
import { Machine } from './machine.js';
import type { MistClient } from './mist-client.js';
import { namesOf } from '../core/options.js';
import type { BackendInfo, Image, Location, MachineInfo, Network, Size } from './types.js';

/** Keyword options of {@link Backend.createMachine} (mist.client's, camelCased, plus the server's `*_name` fields). */
export interface CreateMachineOptions {
  /** Linode only (default `""`). */
  imageExtra?: unknown;
  /** Linode only: disk size (default `""`). */
  disk?: unknown;
  /** A script to run on the machine once it is up (default `""`). */
  script?: string;
  /** Enable monitoring once it is up (default false). */
  monitoring?: boolean;
  /** NephoScale only: addresses to assign (default `[]`). */
  ips?: string[];
  /** Names the server reads for some providers (GCE sizes by location name); mist.client 0.1.1 never sent them. */
  imageName?: string;
  sizeName?: string;
  locationName?: string;
}

const CREATE_MACHINE_OPTIONS = namesOf<CreateMachineOptions>()('imageExtra', 'disk', 'script', 'monitoring', 'ips', 'imageName', 'sizeName', 'locationName');

/** What a Backend keeps besides its public fields. @internal */
interface BackendState {
  machines: Map<string, Machine> | undefined;
  loading: Promise<Map<string, Machine>> | undefined;
}

/**
 * One backend (a cloud account) of a mist.io user, as mist.client's `Backend`. Its machines are
 * cached until {@link Backend.updateMachines}; sizes, locations, networks and images are fetched on
 * every call (they are properties that make a request in mist.client).
 */
export class Backend {
  /** The client this backend belongs to (its auth state is shared). */
  readonly mistClient: MistClient;
  /** The backend as the server last listed it (the API key in clear). */
  info: BackendInfo;
  title: string;
  readonly id: string;
  enabled: boolean;
  provider: string;
  /** @internal */
  declare readonly _state: BackendState;

  /**
   * mist.client's `Backend(backend, mist_client)`: usually made by {@link MistClient.backends}; build
   * one yourself from a known id (e.g. for a dry run).
   * @throws ConfigError when `backend` lacks a string id.
   */
  constructor(backend: BackendInfo, mistClient: MistClient) {
    if (!backend || typeof backend.id !== 'string' || backend.id === '') throw new ConfigError('new Backend(): backend must have a string id');
    this.mistClient = mistClient;
    this.id = backend.id;
    this.info = backend;
    this.title = backend.title ?? backend.provider;
    this.enabled = backend.enabled ?? true;
    this.provider = backend.provider;
    Object.defineProperty(this, '_state', { value: { machines: undefined, loading: undefined } satisfies BackendState, enumerable: false });
    if (mistClient.dryRun) return dryRunnable(this);
  }

  /** @internal New facts from a backend list. */
  _refresh(info: BackendInfo): void {
    this.info = info;
    this.title = info.title ?? info.provider;
    this.enabled = info.enabled ?? this.enabled;
    this.provider = info.provider;
  }

  /** `DELETE /backends/{id}` (answers text `OK`), then the client's backend list again. */
  async delete(): Promise<void> {
    await this.mistClient.api.DELETE('/backends/{backend}', { ...pathOf(this), parseAs: 'text' });
    await this.mistClient.updateBackends();
  }

  /** `PUT /backends/{id}` with `{new_name}`, then the backend list again. */
  async rename(newName: string): Promise<void> {
    if (typeof newName !== 'string') throw new ConfigError('Backend.rename(): newName must be a string');
    await this.mistClient.api.PUT('/backends/{backend}', { ...pathOf(this), body: { new_name: newName }, parseAs: 'text' });
    this.title = newName;
    await this.mistClient.updateBackends();
  }

  /** `POST /backends/{id}` with `{new_state: "1"}`, then the backend list again. */
  enable(): Promise<void> {
    return toggle(this, true);
  }

  /** `POST /backends/{id}` with `{new_state: "0"}`, then the backend list again. */
  disable(): Promise<void> {
    return toggle(this, false);
  }

  /** `GET /backends/{id}/sizes`: every machine size (a request on every call). */
  sizes(): Promise<Size[]> {
    return this.mistClient.api.GET('/backends/{backend}/sizes', pathOf(this));
  }

  /** `GET /backends/{id}/locations`. */
  locations(): Promise<Location[]> {
    return this.mistClient.api.GET('/backends/{backend}/locations', pathOf(this));
  }

  /** `GET /backends/{id}/networks` (empty for providers without networks). */
  networks(): Promise<Network[]> {
    return this.mistClient.api.GET('/backends/{backend}/networks', pathOf(this));
  }

  /** `GET /backends/{id}/images`. */
  images(): Promise<Image[]> {
    return this.mistClient.api.GET('/backends/{backend}/images', pathOf(this));
  }

  /**
   * Images whose id or name contains `searchTerm` (case-insensitive; at most 40). Sent as
   * `POST /backends/{id}/images` with `{search_term}`: mist.client sent a GET with that body,
   * which fetch cannot send; the server answers both with the same handler.
   */
  searchImage(searchTerm: string): Promise<Image[]> {
    if (typeof searchTerm !== 'string') return Promise.reject(new ConfigError('Backend.searchImage(): searchTerm must be a string'));
    return this.mistClient.api.POST('/backends/{backend}/images', { ...pathOf(this), body: { search_term: searchTerm } });
  }

  /** The machines by id: fetched on first use, then cached until {@link Backend.updateMachines}. */
  machines(): Promise<Map<string, Machine>> {
    const s = this._state;
    if (s.machines) return Promise.resolve(s.machines);
    s.loading ??= this.updateMachines().finally(() => {
      s.loading = undefined;
    });
    return s.loading;
  }

  /** `GET /backends/{id}/machines` again and refill the cache; Machine objects already handed out are updated in place. */
  async updateMachines(): Promise<Map<string, Machine>> {
    return this._adoptMachines(await this._listMachines());
  }

  /** @internal One machine list request (the waiter passes its signal). */
  async _listMachines(signal?: AbortSignal): Promise<MachineInfo[]> {
    const reply = await this.mistClient.api.GET('/backends/{backend}/machines', { ...pathOf(this), ...(signal ? { opskit: { signal } } : {}) });
    return checkIdList<MachineInfo>('Backend.updateMachines', reply);
  }

  /** @internal Refills the machine cache from a machine list reply (a list request, or what a machine action answers). */
  _adoptMachines(list: MachineInfo[]): Map<string, Machine> {
    const old = this._state.machines;
    const next = new Map<string, Machine>();
    for (const info of list) {
      const known = old?.get(info.id);
      if (known) known._refresh(info);
      next.set(info.id, known ?? new Machine(info, this));
    }
    this._state.machines = next;
    return next;
  }

  /** The machine with this id, or undefined. */
  async machineFromId(machineId: string): Promise<Machine | undefined> {
    return (await this.machines()).get(machineId);
  }

  /** The first machine named exactly `machineName`, or undefined. */
  async machineFromName(machineName: string): Promise<Machine | undefined> {
    for (const m of (await this.machines()).values()) if (m.name === machineName) return m;
    return undefined;
  }

  /** The first machine with `machineIp` among its public addresses (mist.client looked at the first one only). */
  async machineFromIp(machineIp: string): Promise<Machine | undefined> {
    for (const m of (await this.machines()).values()) if ((m.info.public_ips ?? []).includes(machineIp)) return m;
    return undefined;
  }

  /** A machine by id, then name, then public IP (mist.client's order), or undefined. */
  async searchMachine(machineKey: string): Promise<Machine | undefined> {
    return (await this.machineFromId(machineKey)) ?? (await this.machineFromName(machineKey)) ?? (await this.machineFromIp(machineKey));
  }

  /**
   * `POST /backends/{id}/machines` (mist.client's `create_machine(name, key, image_id, location_id,
   * size_id, …)`), then the machine list again; resolves with the new Machine (usually `pending`:
   * wait with {@link Machine.waitForState}). `key` is a Key, a key id, or null for the default key.
   * @throws MistBadRequestError (name, image or size missing), MistNotFoundError (no such key).
   */
  async createMachine(
    name: string,
    key: Key | string | null,
    imageId: string,
    locationId: string | null,
    sizeId: string,
    given: CreateMachineOptions = {},
  ): Promise<Machine> {
    const where = 'Backend.createMachine()';
    const options = checkOptions(where, given, CREATE_MACHINE_OPTIONS);
    requireText(where, 'name', name);
    requireText(where, 'imageId', imageId);
    requireText(where, 'sizeId', sizeId);
    const keyId = key instanceof Key ? key.id : optionalText(where, 'key', key);
    const location = optionalText(where, 'locationId', locationId);
    if (options.ips !== undefined && (!Array.isArray(options.ips) || options.ips.some((ip) => typeof ip !== 'string'))) throw new ConfigError(`${where}: ips must be a list of strings`);
    const body: components['schemas']['CreateMachineRequest'] = {
      name,
      key: keyId ?? null,
      image: imageId,
      location: location ?? null,
      size: sizeId,
      image_extra: options.imageExtra ?? '',
      disk: options.disk ?? '',
      script: optionalText(where, 'script', options.script) ?? '',
      monitoring: options.monitoring === true,
      ips: options.ips ?? [],
      ...(options.imageName !== undefined ? { image_name: options.imageName } : {}),
      ...(options.sizeName !== undefined ? { size_name: options.sizeName } : {}),
      ...(options.locationName !== undefined ? { location_name: options.locationName } : {}),
    };
    const created = await this.mistClient.api.POST('/backends/{backend}/machines', { ...pathOf(this), body });
    if (typeof created?.id !== 'string') throw new ResponseError('Backend.createMachine', 'the reply has no machine id');
    const machines = await this.updateMachines();
    return (
      machines.get(created.id) ??
      new Machine({ id: created.id, name: created.name ?? name, state: 'pending', public_ips: created.public_ips ?? [], private_ips: created.private_ips ?? [], extra: created.extra ?? {} }, this)
    );
  }

  /** Public facts (no client, no cached machines). */
  toJSON(): BackendInfo {
    return this.info;
  }

  [INSPECT](): string {
    return `Backend ${JSON.stringify({ id: this.id, title: this.title, provider: this.provider, enabled: this.enabled })}`;
  }
}

// Module functions rather than #private members: Backends are often wrapped in Proxies (dry run,
// user instrumentation), and #private members refuse a Proxy as receiver.
function pathOf(b: Backend) {
  return { params: { path: { backend: b.id } } };
}

async function toggle(b: Backend, on: boolean): Promise<void> {
  await b.mistClient.api.POST('/backends/{backend}', {
    ...pathOf(b),
    body: { new_state: on ? '1' : '0' },
    parseAs: 'text',
    opskit: { op: on ? 'Backend.enable' : 'Backend.disable' },
  });
  b.enabled = on;
  await b.mistClient.updateBackends();
}
