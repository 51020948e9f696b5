import { ConfigError } from '../../core/errors/config-error.js';
import { checkOptions } from '../../core/options.js';
import { Paged, type PageLoader } from '../../core/paged.js';
import type { TritonContext } from '../context.js';
import type { DataCenter } from '../data-center.js';
import type { operations } from '../generated/triton-cloudapi.js';
import { Machine, machineFromReply } from '../machine.js';
import { CREATE_MACHINE_ALIASES, CREATE_MACHINE_OPTIONS, CREDENTIALS_OPTION, MACHINE_FILTER_ALIASES, MACHINE_FILTERS } from '../option-names.js';
import type { MachineCreateBody, MachineData, Tags } from '../types.js';

type ListQuery = NonNullable<operations['listMachines']['parameters']['query']>;

/** ListMachines filters (py-smartdc names accepted: `tags` as an object, `dataset`). */
export interface MachineFilters extends Omit<ListQuery, 'tag' | 'tags' | 'limit' | 'offset'> {
  /** Tag filters (`tag.<name>=<value>`), or `*` for every tagged machine. */
  tags?: Record<string, string | number | boolean> | '*';
  /** py-smartdc's `dataset`: sent as `image` (the server ignores `dataset` when listing). */
  dataset?: string;
  /** Page size (default and maximum 1000). */
  limit?: number;
  /** Where to start (default 0). */
  offset?: number;
  /** py-smartdc `paged=True`: fetch only one page. */
  paged?: boolean;
}

/** CreateMachine options: nested `metadata`/`tags` here are flattened to `metadata.<k>`/`tag.<k>`. */
export interface CreateMachineOptions {
  name?: string;
  /** Package name or id, or a package object (its `name`, else `id`). */
  package?: string | { id?: string; name?: string };
  /** Image id, or an image object (its `id`). */
  image?: string | { id: string };
  /** py-smartdc's `dataset` (sent as `image`). */
  dataset?: string | { id: string };
  metadata?: Record<string, string>;
  tags?: Record<string, string | number | boolean>;
  /** Boot script text (`metadata.user-script`); py-smartdc took a file name. */
  bootScript?: string;
  networks?: (string | { ipv4_uuid: string; ipv4_ips?: string[] })[];
  affinity?: string[];
  brand?: 'bhyve' | 'kvm';
  firewallEnabled?: boolean;
  deletionProtection?: boolean;
  allowSharedImages?: boolean;
  delegateDataset?: boolean;
  encrypted?: boolean;
  volumes?: MachineCreateBody['volumes'];
  disks?: MachineCreateBody['disks'];
  /** Any other CreateMachine field, sent as is. */
  extra?: Record<string, unknown>;
}

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;
const META_KEY = /^\w[\w.-]*$/;

function listQuery(filters: MachineFilters): ListQuery {
  const { tags, dataset, paged: _paged, limit: _limit, offset: _offset, ...rest } = filters;
  const query: ListQuery = { ...rest };
  if (dataset !== undefined && query.image === undefined) query.image = dataset;
  if (tags === '*') query.tags = '*';
  else if (tags) query.tag = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)]));
  // `credentials=false` is truthy on the server: only send it when true.
  if (query.credentials !== true) delete query.credentials;
  return query;
}

/** The documented ListMachines loop: next page while `x-resource-count` reaches `x-query-limit`. */
function machinePages(dc: TritonContext, filters: MachineFilters): PageLoader<MachineData> {
  const limit = filters.limit ?? 1000;
  const query = listQuery(filters);
  return async (token) => {
    const offset = token === undefined ? (filters.offset ?? 0) : Number(token);
    const result = await dc.api.api.GET('/{login}/machines', { params: { path: dc.p(), query: { ...query, limit, offset } } });
    if (!result.response.ok) await dc.api.unwrap(Promise.resolve(result));
    const items = result.data ?? [];
    const count = Number(result.response.headers.get('x-resource-count') ?? items.length);
    const pageLimit = Number(result.response.headers.get('x-query-limit') ?? limit);
    return { items, next: items.length > 0 && count >= pageLimit ? offset + pageLimit : undefined };
  };
}

function ref(value: string | { id?: string; name?: string } | undefined, prefer: 'id' | 'name'): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return prefer === 'name' ? (value.name ?? value.id) : (value.id ?? value.name);
}

/** Machines: listing, counting, reading, creating. */
export const machineMethods = {
  /** ListMachines, every page: `Paged` of raw machine objects (the offset loop of protocols §3.4). */
  listMachines(this: TritonContext, filters: MachineFilters = {}): Paged<MachineData> {
    checkOptions('DataCenter.listMachines()', filters, MACHINE_FILTERS, MACHINE_FILTER_ALIASES);
    return new Paged(machinePages(this, filters), filters.paged ? { maxPages: 1 } : {});
  },

  /** py-smartdc `machines(…)`: like {@link listMachines}, yielding {@link Machine} objects. */
  machines(this: TritonContext, filters: MachineFilters = {}): Paged<Machine> {
    checkOptions('DataCenter.machines()', filters, MACHINE_FILTERS, MACHINE_FILTER_ALIASES);
    const raw = machinePages(this, filters);
    return new Paged<Machine>(
      async (token, ctx) => {
        const page = await raw(token, ctx);
        return { ...page, items: page.items.map((m) => machineFromReply('machines', this as unknown as DataCenter, m)) };
      },
      filters.paged ? { maxPages: 1 } : {},
    );
  },

  /** `HEAD /:login/machines`: `x-resource-count` for one page (min(matching, limit)). */
  async countMachines(this: TritonContext, filters: MachineFilters = {}): Promise<number> {
    checkOptions('DataCenter.countMachines()', filters, MACHINE_FILTERS, MACHINE_FILTER_ALIASES);
    const result = await this.api.api.HEAD('/{login}/machines', {
      params: { path: this.p(), query: { ...listQuery(filters), limit: filters.limit ?? 1000, offset: filters.offset ?? 0 } },
    });
    if (!result.response.ok) await this.api.unwrap(Promise.resolve(result));
    return Number(result.response.headers.get('x-resource-count') ?? 0);
  },

  /**
   * py-smartdc `num_machines(…)`, fixed: its filters are sent (py-smartdc dropped them) and counts
   * past the 1000 limit are summed page by page with HEAD.
   */
  async numMachines(this: TritonContext, filters: MachineFilters = {}): Promise<number> {
    checkOptions('DataCenter.numMachines()', filters, MACHINE_FILTERS, MACHINE_FILTER_ALIASES);
    const limit = filters.limit ?? 1000;
    let total = 0;
    for (let offset = filters.offset ?? 0; ; offset += limit) {
      const n = await machineMethods.countMachines.call(this, { ...filters, limit, offset });
      total += n;
      if (n < limit || filters.paged) return total;
    }
  },

  /** GetMachine (raw object). 410 Gone for deleted machines, with the machine as error body. */
  async getMachine(this: TritonContext, machine: string, options: { credentials?: boolean } = {}): Promise<MachineData> {
    checkOptions('DataCenter.getMachine()', options, CREDENTIALS_OPTION);
    return this.api.GET('/{login}/machines/{machine}', {
      params: { path: this.p({ machine }), query: options.credentials ? { credentials: true } : {} },
    });
  },

  /** py-smartdc `raw_machine_data(id, credentials)`. */
  async rawMachineData(this: TritonContext, machine: string, options: { credentials?: boolean } = {}): Promise<MachineData> {
    checkOptions('DataCenter.rawMachineData()', options, CREDENTIALS_OPTION);
    return machineMethods.getMachine.call(this, machine, options);
  },

  /** py-smartdc `machine(id)`: a {@link Machine}. */
  async machine(this: TritonContext, machine: string, options: { credentials?: boolean } = {}): Promise<Machine> {
    checkOptions('DataCenter.machine()', options, CREDENTIALS_OPTION);
    return machineFromReply('getMachine', this as unknown as DataCenter, await machineMethods.getMachine.call(this, machine, options));
  },

  /**
   * CreateMachine: `POST /:login/machines` (py-smartdc posted to `/:login` + `machines` without the
   * slash). Metadata, tags and the boot script become flat `metadata.<k>` / `tag.<k>` keys, which
   * is all the server reads. Resolves with the new machine (state `provisioning`, no IPs yet).
   */
  async createMachine(this: TritonContext, options: CreateMachineOptions): Promise<Machine> {
    checkOptions('DataCenter.createMachine()', options, CREATE_MACHINE_OPTIONS, CREATE_MACHINE_ALIASES);
    if (options === undefined || options === null) throw new ConfigError('DataCenter.createMachine(): options (package, image, …) are required');
    if (options.name !== undefined && !NAME.test(options.name)) {
      throw new ConfigError(`createMachine: invalid name ${JSON.stringify(options.name)} (letters, digits, "-" and ".", not at the ends)`);
    }
    if (options.image !== undefined && options.dataset !== undefined) throw new ConfigError('createMachine: give image or dataset, not both');
    const body: Record<string, unknown> = {};
    const set = (k: string, v: unknown) => {
      if (v !== undefined) body[k] = v;
    };
    set('name', options.name);
    set('package', ref(options.package, 'name'));
    set('image', ref(options.image ?? options.dataset, 'id'));
    set('networks', options.networks);
    set('affinity', options.affinity);
    set('brand', options.brand);
    set('firewall_enabled', options.firewallEnabled);
    set('deletion_protection', options.deletionProtection);
    set('allow_shared_images', options.allowSharedImages);
    set('delegate_dataset', options.delegateDataset);
    set('encrypted', options.encrypted);
    set('volumes', options.volumes);
    set('disks', options.disks);
    const meta = { ...(options.metadata ?? {}), ...(options.bootScript !== undefined ? { 'user-script': options.bootScript } : {}) };
    for (const [k, v] of Object.entries(meta)) {
      if (!META_KEY.test(k)) throw new ConfigError(`createMachine: invalid metadata key ${JSON.stringify(k)}`);
      body[`metadata.${k}`] = v;
    }
    for (const [k, v] of Object.entries(options.tags ?? {} as Tags)) body[`tag.${k}`] = v;
    Object.assign(body, options.extra ?? {});
    const data = await this.api.POST('/{login}/machines', { params: { path: this.p() }, body: body as MachineCreateBody });
    return machineFromReply('createMachine', this as unknown as DataCenter, data);
  },
};
