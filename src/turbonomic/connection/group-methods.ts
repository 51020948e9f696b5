import { ClientError } from '../../core/errors/client-error.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { groupStatsDto, type StatTime } from '../dto/stats.js';
import { hasSearchQuery, searchByNameDto, searchClasses, searchQuery, type SearchQueryOptions } from '../dto/search.js';
import { VMTGroupValidationError } from '../errors/vmt-group-validation-error.js';
import { checkOptions } from '../../core/options.js';
import {
  CACHEABLE_LIST_OPTIONS,
  CACHEABLE_LIST_OR_ONE_OPTIONS,
  GROUP_STATS_OPTIONS,
  LIST_OPTIONS,
  REQUEST_OPTIONS,
  SEARCH_BY_NAME_OPTIONS,
  SEARCH_OPTIONS,
} from '../option-names.js';
import type { TurboPaged } from '../paging/turbo-paged.js';
import type { RequestOptions } from '../transport/transport.js';
import type { Action, Entity, Group, GroupInput, SearchCriteria, SearchRequest, SearchResult, StatSnapshot } from '../types.js';
import { ConnectionCore, pickRequest } from './connection-core.js';
import type { CacheableListOptions, Collected, FetchAll, ListOptions } from './options.js';

/** Options of `search`: exactly one of `uuid`, `dto`, or query arguments. */
export interface SearchOptions extends ListOptions, SearchQueryOptions {
  /** `GET search/{uuid}`: any object by uuid. */
  uuid?: string | undefined;
  /** `POST search` with this criteria body (object or JSON text), re-sent for every page. */
  dto?: SearchRequest | string | undefined;
}

/** Options of `searchByName`. */
export interface SearchByNameOptions extends RequestOptions {
  /** Class name or alias (`vm`, `pm`, `ds`, `db`, `vdc`), or a list; default: all 15 searchable classes. */
  type?: string | readonly string[] | undefined;
  caseSensitive?: boolean | undefined;
  /** Match against the cached entity inventory instead of asking the server. */
  fromCache?: boolean | undefined;
}

/** Options of `getGroupStats`. */
export interface GroupStatsOptions extends RequestOptions {
  /** Statistic names; with it (or a date) the call is a POST with a flat period body. */
  statsFilter?: readonly string[] | undefined;
  startDate?: StatTime | undefined;
  endDate?: StatTime | undefined;
}

/** Groups, clusters and search (protocols §7–8). */
export class GroupMethods extends ConnectionCore {
  /** `GET groups[/{uuid}]`: every group, or one (as a one-item list). */
  getGroups(options: { uuid: string } & RequestOptions): Promise<Group[]>;
  getGroups(options: CacheableListOptions & Collected): Promise<Group[]>;
  getGroups(options?: CacheableListOptions): TurboPaged<Group>;
  getGroups(options: CacheableListOptions & { uuid?: string } = {}): TurboPaged<Group> | Promise<Group[]> {
    options = checkOptions('Connection.getGroups()', options, CACHEABLE_LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Group>({ method: 'GET', path: '/groups/{uuid}', params: { uuid: options.uuid }, ...r });
    const spec = { method: 'GET', path: '/groups', ...r } as const;
    if (options.cache) return this.cached('__groups', () => this.collect(this.lazyList<Group>(spec)));
    return this.listOrAll<Group>(spec, options.fetchAll);
  }

  /** Clusters (`GET search?types=Cluster`); `uuid` keeps only that cluster (filtered locally, as upstream). */
  getClusters(options: CacheableListOptions & Collected & { uuid?: string }): Promise<Group[]>;
  getClusters(options?: CacheableListOptions & { uuid?: string }): TurboPaged<Group>;
  getClusters(options: CacheableListOptions & { uuid?: string } = {}): TurboPaged<Group> | Promise<Group[]> {
    options = checkOptions('Connection.getClusters()', options, CACHEABLE_LIST_OR_ONE_OPTIONS);
    const spec = { method: 'GET', path: '/search', query: { types: 'Cluster' }, ...pickRequest(options) } as const;
    const keep = options.uuid === undefined ? undefined : (g: Group) => g.uuid === options.uuid;
    if (options.cache) return this.cached('__clusters', () => this.collect(this.lazyList<Group>(spec))).then((all) => (keep ? all.filter(keep) : all));
    return this.listOrAll<Group>(spec, options.fetchAll, keep);
  }

  /**
   * The cluster an entity belongs to: a cluster listing it in `memberUuidList`, or one whose
   * entities include it or have it as a consumer (e.g. a VM on a host of the cluster).
   */
  async getEntityCluster(uuid: string, options: RequestOptions & { cache?: boolean } = {}): Promise<Group | undefined> {
    options = checkOptions('Connection.getEntityCluster()', options, [...REQUEST_OPTIONS, 'cache']);
    const clusters = options.cache ? await this.getClusters({ ...options, cache: true }) : await this.getClusters({ ...options, fetchAll: true });
    for (const cluster of clusters) {
      if (cluster.memberUuidList?.includes(uuid)) return cluster;
      for await (const e of this.getGroupEntities(cluster.uuid, pickRequest(options))) {
        if (e.uuid === uuid || e.consumers?.some((c) => c.uuid === uuid)) return cluster;
      }
    }
    return undefined;
  }

  /** `GET groups/{uuid}/actions`. */
  getGroupActions(uuid: string, options: ListOptions & FetchAll): Promise<Action[]>;
  getGroupActions(uuid: string, options?: ListOptions): TurboPaged<Action>;
  getGroupActions(uuid: string, options: ListOptions = {}): TurboPaged<Action> | Promise<Action[]> {
    options = checkOptions('Connection.getGroupActions()', options, LIST_OPTIONS);
    return this.listOrAll<Action>({ method: 'GET', path: '/groups/{uuid}/actions', params: { uuid }, ...pickRequest(options) }, options.fetchAll);
  }

  /** `GET search?q={name}&types=Group`: the first hit as a one-item list, or undefined. */
  async getGroupByName(name: string, options: RequestOptions = {}): Promise<[Group] | undefined> {
    options = checkOptions('Connection.getGroupByName()', options, REQUEST_OPTIONS);
    const first = await this.lazyList<Group>({ method: 'GET', path: '/search', query: { q: name, types: 'Group' }, ...pickRequest(options) }).first();
    return first === undefined ? undefined : [first];
  }

  /** `GET groups/{uuid}/entities`: leaf entities (members of nested groups included). */
  getGroupEntities(uuid: string, options: CacheableListOptions & Collected): Promise<Entity[]>;
  getGroupEntities(uuid: string, options?: CacheableListOptions): TurboPaged<Entity>;
  getGroupEntities(uuid: string, options: CacheableListOptions = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getGroupEntities()', options, CACHEABLE_LIST_OPTIONS);
    const spec = { method: 'GET', path: '/groups/{uuid}/entities', params: { uuid }, ...pickRequest(options) } as const;
    if (options.cache) return this.cached(`__group_entities:${uuid}`, () => this.collect(this.lazyList<Entity>(spec)));
    return this.listOrAll<Entity>(spec, options.fetchAll);
  }

  /** `GET groups/{uuid}/members`: direct members. */
  getGroupMembers(uuid: string, options: CacheableListOptions & Collected): Promise<Entity[]>;
  getGroupMembers(uuid: string, options?: CacheableListOptions): TurboPaged<Entity>;
  getGroupMembers(uuid: string, options: CacheableListOptions = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getGroupMembers()', options, CACHEABLE_LIST_OPTIONS);
    const spec = { method: 'GET', path: '/groups/{uuid}/members', params: { uuid }, ...pickRequest(options) } as const;
    if (options.cache) return this.cached(`__group_members:${uuid}`, () => this.collect(this.lazyList<Entity>(spec)));
    return this.listOrAll<Entity>(spec, options.fetchAll);
  }

  /**
   * Group statistics: `GET groups/{uuid}/stats`, or, with `statsFilter` or a date, `POST` with the
   * flat body `{ statistics?, startDate?, endDate? }` (upstream drops the dates without a filter).
   */
  async getGroupStats(uuid: string, options: GroupStatsOptions = {}): Promise<StatSnapshot[]> {
    options = checkOptions('Connection.getGroupStats()', options, GROUP_STATS_OPTIONS);
    const r = pickRequest(options);
    const { statsFilter, startDate, endDate } = options;
    if (statsFilter === undefined && startDate === undefined && endDate === undefined) {
      return this.callList<StatSnapshot>({ method: 'GET', path: '/groups/{uuid}/stats', params: { uuid }, ...r });
    }
    return this.callList<StatSnapshot>({ method: 'POST', path: '/groups/{uuid}/stats', params: { uuid }, body: groupStatsDto(statsFilter, startDate, endDate), ...r });
  }

  /** `POST groups` with a group body (an object, or JSON text as upstream takes it). */
  async addGroup(dto: GroupInput | string, options: RequestOptions = {}): Promise<Group[]> {
    options = checkOptions('Connection.addGroup()', options, REQUEST_OPTIONS);
    return this.callList<Group>({ method: 'POST', path: '/groups', body: dto, ...pickRequest(options) });
  }

  /** `POST groups` `{ displayName, isStatic: true, groupType, memberUuidList }`. */
  async addStaticGroup(name: string, type: string, members: readonly string[] = [], options: RequestOptions = {}): Promise<Group[]> {
    options = checkOptions('Connection.addStaticGroup()', options, REQUEST_OPTIONS);
    const body: GroupInput = { displayName: name, isStatic: true, groupType: type, memberUuidList: [...members] };
    return this.callList<Group>({ method: 'POST', path: '/groups', body, ...pickRequest(options) });
  }

  /**
   * Adds members to a static group (release-v3.7.0 behaviour): reads the current `memberUuidList`,
   * then {@link updateStaticGroupMembers} with current + new. With `validate`, members the server
   * did not keep make it restore the old list and throw `VMTGroupValidationError`.
   */
  async addStaticGroupMembers(uuid: string, members: readonly string[], options: RequestOptions & { validate?: boolean } = {}): Promise<Group[]> {
    options = checkOptions('Connection.addStaticGroupMembers()', options, [...REQUEST_OPTIONS, 'validate']);
    const [current] = await this.getGroups({ uuid, ...pickRequest(options) });
    const existing = current?.memberUuidList ?? [];
    const wanted = [...new Set([...existing, ...members])];
    const updated = await this.updateStaticGroupMembers(uuid, wanted, pickRequest(options));
    if (options.validate) {
      const kept = new Set(updated[0]?.memberUuidList ?? []);
      const invalid = members.filter((m) => !kept.has(m));
      if (invalid.length > 0) {
        await this.updateStaticGroupMembers(uuid, existing, pickRequest(options));
        throw new VMTGroupValidationError(invalid);
      }
    }
    return updated;
  }

  /**
   * Replaces a static group's members: `GET groups/{uuid}`, then `PUT` `{ displayName: name ??
   * current, groupType: current, memberUuidList }` (`type` is ignored, as upstream).
   */
  async updateStaticGroupMembers(uuid: string, members: readonly string[], options: RequestOptions & { name?: string; type?: string } = {}): Promise<Group[]> {
    options = checkOptions('Connection.updateStaticGroupMembers()', options, [...REQUEST_OPTIONS, 'name', 'type']);
    const r = pickRequest(options);
    const [current] = await this.getGroups({ uuid, ...r });
    const body: GroupInput = { displayName: options.name ?? current?.displayName ?? '', groupType: current?.groupType ?? '', memberUuidList: [...members] };
    return this.callList<Group>({ method: 'PUT', path: '/groups/{uuid}', params: { uuid }, body, ...r });
  }

  /** `DELETE groups/{uuid}`; resolves true. */
  async delGroup(uuid: string, options: RequestOptions = {}): Promise<boolean> {
    options = checkOptions('Connection.delGroup()', options, REQUEST_OPTIONS);
    await this.callData({ method: 'DELETE', path: '/groups/{uuid}', params: { uuid }, ...pickRequest(options) });
    return true;
  }

  /**
   * Search, in one of three forms: `{ uuid }` (`GET search/{uuid}`), `{ dto }` (`POST search`, the
   * body re-sent for every page) or query arguments (`GET search?q=…&types=…`, in upstream's order).
   * @throws ConfigError when forms are mixed (upstream crashes with a TypeError).
   */
  search(options: SearchOptions & FetchAll): Promise<SearchResult[]>;
  search(options?: SearchOptions): TurboPaged<SearchResult>;
  search(options: SearchOptions = {}): TurboPaged<SearchResult> | Promise<SearchResult[]> {
    options = checkOptions('Connection.search()', options, SEARCH_OPTIONS);
    const r = pickRequest(options);
    const forms = [options.uuid !== undefined, options.dto !== undefined, hasSearchQuery(options)].filter(Boolean).length;
    if (forms > 1) throw new ConfigError('search: give one of uuid, dto or query arguments, not several');
    if (options.uuid !== undefined) return this.listOrAll<SearchResult>({ method: 'GET', path: '/search/{uuid}', params: { uuid: options.uuid }, ...r }, options.fetchAll);
    if (options.dto !== undefined) return this.listOrAll<SearchResult>({ method: 'POST', path: '/search', body: options.dto, ...r }, options.fetchAll);
    return this.listOrAll<SearchResult>({ method: 'GET', path: '/search', query: searchQuery(options), ...r }, options.fetchAll);
  }

  /**
   * Finds objects by display name: one `POST search` per class with the `<prefix>ByName` criterion
   * (every page of each). A class the server refuses (4xx) is skipped, as upstream skips failures.
   */
  async searchByName(name: string, options: SearchByNameOptions = {}): Promise<SearchResult[]> {
    options = checkOptions('Connection.searchByName()', options, SEARCH_BY_NAME_OPTIONS);
    const classes = searchClasses(options.type);
    const caseSensitive = options.caseSensitive ?? false;
    if (options.fromCache) {
      const wanted = new Set(classes);
      const same = (a: string | undefined) => (caseSensitive ? a === name : a?.toLowerCase() === name.toLowerCase());
      const inventory = await this.cached<Entity>('__entities:Market', () =>
        this.collect(this.lazyList<Entity>({ method: 'GET', path: '/markets/{uuid}/entities', params: { uuid: 'Market' }, ...pickRequest(options) })),
      );
      return inventory.filter((e) => wanted.has(e.className) && same(e.displayName));
    }
    const out: SearchResult[] = [];
    for (const className of classes) {
      try {
        const hits = await this.collect(
          this.lazyList<SearchResult>({ method: 'POST', path: '/search', body: searchByNameDto(className, name, caseSensitive), ...pickRequest(options) }),
        );
        out.push(...hits);
      } catch (e) {
        if (!(e instanceof ClientError)) throw e;
      }
    }
    return out;
  }

  /** `GET search/criteria`: the filters `POST search` accepts. */
  async getSearchCriteria(options: RequestOptions = {}): Promise<SearchCriteria[]> {
    options = checkOptions('Connection.getSearchCriteria()', options, REQUEST_OPTIONS);
    return this.callList<SearchCriteria>({ method: 'GET', path: '/search/criteria', ...pickRequest(options) });
  }
}
