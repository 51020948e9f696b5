import { ConfigError } from '../../core/errors/config-error.js';
import { entityStatsDto, type EntityStatsDtoOptions } from '../dto/stats.js';
import { supplychainQuery, type SupplychainOptions } from '../dto/supplychain.js';
import { checkOptions } from '../../core/options.js';
import {
  ENTITIES_OPTIONS,
  ENTITY_STATS_OPTIONS,
  LIST_OPTIONS,
  LIST_OR_ONE_OPTIONS,
  REQUEST_OPTIONS,
  SUPPLYCHAIN_ALIASES,
  SUPPLYCHAIN_OPTIONS,
  TYPED_ENTITIES_OPTIONS,
} from '../option-names.js';
import type { TurboPaged } from '../paging/turbo-paged.js';
import type { RequestOptions } from '../transport/transport.js';
import type { Action, Entity, EntityStats, Group, StatScopesInput, Supplychain, Target, Template, TemplateInput } from '../types.js';
import { pickRequest } from './connection-core.js';
import { GroupMethods } from './group-methods.js';
import type { CacheableListOptions, Collected, FetchAll, ListOptions } from './options.js';

/** Options of `getEntities` and the typed shortcuts. */
export interface EntitiesOptions extends CacheableListOptions {
  /** Keep only entities of this `className` (filtered locally, as upstream). */
  type?: string | undefined;
  /** Market whose entities are listed (default `Market`, the real-time market). */
  market?: string | undefined;
}

/** Options of `getEntityStats`. */
export interface EntityStatsOptions extends ListOptions, EntityStatsDtoOptions {
  /** A complete `POST stats` body; the other body options are then ignored. */
  dto?: StatScopesInput | undefined;
}

/** Entities, statistics, supply chains, targets and templates (protocols §7–8). */
export class EntityMethods extends GroupMethods {
  /**
   * Entities: `GET entities/{uuid}` (with `detail`, `include_aspects=true`), or every entity of a
   * market (`GET markets/{market}/entities`), optionally only one `type`. The real-time market's
   * own uuid is sent as `Market`, as upstream does.
   */
  getEntities(options: { uuid: string; detail?: boolean } & RequestOptions): Promise<Entity[]>;
  getEntities(options: EntitiesOptions & Collected): Promise<Entity[]>;
  getEntities(options?: EntitiesOptions): TurboPaged<Entity>;
  getEntities(options: EntitiesOptions & { uuid?: string; detail?: boolean } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getEntities()', options, ENTITIES_OPTIONS);
    return this.#entities(options);
  }

  /** `awaitsAll`: awaiting the list gives every entity, as upstream's typed getters force `fetch_all`. */
  #entities(options: EntitiesOptions & { uuid?: string; detail?: boolean }, awaitsAll = false): TurboPaged<Entity> | Promise<Entity[]> {
    const r = pickRequest(options);
    if (options.uuid !== undefined) {
      return this.callList<Entity>({
        method: 'GET',
        path: '/entities/{uuid}',
        params: { uuid: options.uuid },
        query: { include_aspects: options.detail ? true : undefined },
        ...r,
      });
    }
    const market = options.market === undefined || options.market === this.marketId ? 'Market' : options.market;
    const type = options.type;
    const keep = type === undefined ? undefined : (e: Entity) => e.className === type;
    const spec = { method: 'GET', path: '/markets/{uuid}/entities', params: { uuid: market }, ...r } as const;
    if (options.cache) return this.cached(`__entities:${market}`, () => this.collect(this.lazyList<Entity>(spec))).then((all) => (keep ? all.filter(keep) : all));
    return this.listOrAll<Entity>(spec, options.fetchAll, keep, awaitsAll ? 'all' : 'first-page');
  }

  /** Virtual machines (`getEntities` with type `VirtualMachine`); awaited, every one of them (upstream forces `fetch_all`). */
  getVirtualMachines(options: { uuid: string } & RequestOptions): Promise<Entity[]>;
  getVirtualMachines(options: Omit<EntitiesOptions, 'type'> & Collected): Promise<Entity[]>;
  getVirtualMachines(options?: Omit<EntitiesOptions, 'type'>): TurboPaged<Entity>;
  getVirtualMachines(options: Omit<EntitiesOptions, 'type'> & { uuid?: string } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getVirtualMachines()', options, TYPED_ENTITIES_OPTIONS);
    return this.#entities({ ...options, type: 'VirtualMachine' }, true);
  }

  /** Hosts (`getEntities` with type `PhysicalMachine`); awaited, every one of them (upstream forces `fetch_all`). */
  getPhysicalMachines(options: { uuid: string } & RequestOptions): Promise<Entity[]>;
  getPhysicalMachines(options: Omit<EntitiesOptions, 'type'> & Collected): Promise<Entity[]>;
  getPhysicalMachines(options?: Omit<EntitiesOptions, 'type'>): TurboPaged<Entity>;
  getPhysicalMachines(options: Omit<EntitiesOptions, 'type'> & { uuid?: string } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getPhysicalMachines()', options, TYPED_ENTITIES_OPTIONS);
    return this.#entities({ ...options, type: 'PhysicalMachine' }, true);
  }

  /** Datacenters (`getEntities` with type `DataCenter`); awaited, every one of them (upstream forces `fetch_all`). */
  getDatacenters(options: { uuid: string } & RequestOptions): Promise<Entity[]>;
  getDatacenters(options: Omit<EntitiesOptions, 'type'> & Collected): Promise<Entity[]>;
  getDatacenters(options?: Omit<EntitiesOptions, 'type'>): TurboPaged<Entity>;
  getDatacenters(options: Omit<EntitiesOptions, 'type'> & { uuid?: string } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getDatacenters()', options, TYPED_ENTITIES_OPTIONS);
    return this.#entities({ ...options, type: 'DataCenter' }, true);
  }

  /** Datastores (`getEntities` with type `Storage`); awaited, every one of them (upstream forces `fetch_all`). */
  getDatastores(options: { uuid: string } & RequestOptions): Promise<Entity[]>;
  getDatastores(options: Omit<EntitiesOptions, 'type'> & Collected): Promise<Entity[]>;
  getDatastores(options?: Omit<EntitiesOptions, 'type'>): TurboPaged<Entity>;
  getDatastores(options: Omit<EntitiesOptions, 'type'> & { uuid?: string } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getDatastores()', options, TYPED_ENTITIES_OPTIONS);
    return this.#entities({ ...options, type: 'Storage' }, true);
  }

  /** `GET entities/{uuid}/actions`. */
  getEntityActions(uuid: string, options: ListOptions & FetchAll): Promise<Action[]>;
  getEntityActions(uuid: string, options?: ListOptions): TurboPaged<Action>;
  getEntityActions(uuid: string, options: ListOptions = {}): TurboPaged<Action> | Promise<Action[]> {
    options = checkOptions('Connection.getEntityActions()', options, LIST_OPTIONS);
    return this.listOrAll<Action>({ method: 'GET', path: '/entities/{uuid}/actions', params: { uuid }, ...pickRequest(options) }, options.fetchAll);
  }

  /** `GET entities/{uuid}/groups`. */
  getEntityGroups(uuid: string, options: ListOptions & FetchAll): Promise<Group[]>;
  getEntityGroups(uuid: string, options?: ListOptions): TurboPaged<Group>;
  getEntityGroups(uuid: string, options: ListOptions = {}): TurboPaged<Group> | Promise<Group[]> {
    options = checkOptions('Connection.getEntityGroups()', options, LIST_OPTIONS);
    return this.listOrAll<Group>({ method: 'GET', path: '/entities/{uuid}/groups', params: { uuid }, ...pickRequest(options) }, options.fetchAll);
  }

  /**
   * `POST stats` for one or more scopes, with upstream's body:
   * `{ scopes, period: { startDate?, endDate?, statistics? }, relatedType? }` (or your `dto`).
   */
  getEntityStats(scope: string | readonly string[], options: EntityStatsOptions & FetchAll): Promise<EntityStats[]>;
  getEntityStats(scope: string | readonly string[], options?: EntityStatsOptions): TurboPaged<EntityStats>;
  getEntityStats(scope: string | readonly string[], options: EntityStatsOptions = {}): TurboPaged<EntityStats> | Promise<EntityStats[]> {
    options = checkOptions('Connection.getEntityStats()', options, ENTITY_STATS_OPTIONS);
    const body = options.dto ?? entityStatsDto(typeof scope === 'string' ? [scope] : scope, options);
    return this.listOrAll<EntityStats>({ method: 'POST', path: '/stats', body, ...pickRequest(options) }, options.fetchAll);
  }

  /**
   * Entities with this `remoteId`, optionally discovered by the target named `targetName` or with
   * uuid `targetUuid` (filtered locally over every page; upstream looks at the first page only).
   */
  async getEntityByRemoteid(remoteId: string, options: RequestOptions & { targetName?: string; targetUuid?: string } = {}): Promise<Entity[]> {
    options = checkOptions('Connection.getEntityByRemoteid()', options, [...REQUEST_OPTIONS, 'targetName', 'targetUuid']);
    const out: Entity[] = [];
    for await (const e of this.getEntities(pickRequest(options))) {
      if (e.remoteId !== remoteId) continue;
      if (options.targetName !== undefined && e.discoveredBy?.displayName !== options.targetName) continue;
      if (options.targetUuid !== undefined && e.discoveredBy?.uuid !== options.targetUuid) continue;
      out.push(e);
    }
    return out;
  }

  /** `GET supplychains?uuids=…` (query in upstream's order; `health=false` is always sent). */
  async getSupplychains(uuids: string | readonly string[], options: SupplychainOptions & RequestOptions = {}): Promise<Supplychain[]> {
    options = checkOptions('Connection.getSupplychains()', options, SUPPLYCHAIN_OPTIONS, SUPPLYCHAIN_ALIASES);
    return this.callList<Supplychain>({ method: 'GET', path: '/supplychains', query: supplychainQuery(uuids, options), ...pickRequest(options) });
  }

  /** `GET targets[/{uuid}]`. */
  getTargets(options: { uuid: string } & RequestOptions): Promise<Target[]>;
  getTargets(options: ListOptions & FetchAll): Promise<Target[]>;
  getTargets(options?: ListOptions): TurboPaged<Target>;
  getTargets(options: ListOptions & { uuid?: string } = {}): TurboPaged<Target> | Promise<Target[]> {
    options = checkOptions('Connection.getTargets()', options, LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Target>({ method: 'GET', path: '/targets/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<Target>({ method: 'GET', path: '/targets', ...r }, options.fetchAll);
  }

  /** `GET targets/{uuid}/actions`. */
  getTargetActions(uuid: string, options: ListOptions & FetchAll): Promise<Action[]>;
  getTargetActions(uuid: string, options?: ListOptions): TurboPaged<Action>;
  getTargetActions(uuid: string, options: ListOptions = {}): TurboPaged<Action> | Promise<Action[]> {
    options = checkOptions('Connection.getTargetActions()', options, LIST_OPTIONS);
    return this.listOrAll<Action>({ method: 'GET', path: '/targets/{uuid}/actions', params: { uuid }, ...pickRequest(options) }, options.fetchAll);
  }

  /**
   * The target that discovered an entity, found by `uuid` (`GET entities/{uuid}`) or by `name`
   * (`searchByName(name, type)`, first hit), then `GET targets/{discoveredBy.uuid}`.
   * Resolves with `[]` when the entity is unknown or has no target.
   */
  async getTargetForEntity(options: RequestOptions & { uuid?: string; name?: string; type?: string }): Promise<Target[]> {
    options = checkOptions('Connection.getTargetForEntity()', options, [...REQUEST_OPTIONS, 'uuid', 'name', 'type']);
    const r = pickRequest(options);
    let entity: Entity | undefined;
    if (options.uuid !== undefined) [entity] = await this.getEntities({ uuid: options.uuid, ...r });
    else if (options.name !== undefined) [entity] = (await this.searchByName(options.name, { type: options.type ?? 'VirtualMachine', ...r })) as Entity[];
    else throw new ConfigError('getTargetForEntity needs a uuid or a name');
    const target = entity?.discoveredBy?.uuid;
    if (target === undefined) return [];
    return this.getTargets({ uuid: target, ...r });
  }

  /** `GET templates[/{uuid}]`. */
  getTemplates(options: { uuid: string } & RequestOptions): Promise<Template[]>;
  getTemplates(options: ListOptions & FetchAll): Promise<Template[]>;
  getTemplates(options?: ListOptions): TurboPaged<Template>;
  getTemplates(options: ListOptions & { uuid?: string } = {}): TurboPaged<Template> | Promise<Template[]> {
    options = checkOptions('Connection.getTemplates()', options, LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Template>({ method: 'GET', path: '/templates/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<Template>({ method: 'GET', path: '/templates', ...r }, options.fetchAll);
  }

  /** The first template whose `displayName` is `name`, as a one-item list, or undefined. */
  async getTemplateByName(name: string, options: RequestOptions = {}): Promise<[Template] | undefined> {
    options = checkOptions('Connection.getTemplateByName()', options, REQUEST_OPTIONS);
    for await (const t of this.getTemplates(pickRequest(options))) if (t.displayName === name) return [t];
    return undefined;
  }

  /** `POST templates` (an object, or JSON text as upstream takes it). */
  async addTemplate(dto: TemplateInput | string, options: RequestOptions = {}): Promise<Template[]> {
    options = checkOptions('Connection.addTemplate()', options, REQUEST_OPTIONS);
    return this.callList<Template>({ method: 'POST', path: '/templates', body: dto, ...pickRequest(options) });
  }
}
