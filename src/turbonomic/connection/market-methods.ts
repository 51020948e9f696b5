import { LIST_OPTIONS, LIST_OR_ONE_OPTIONS, MARKET_ENTITIES_STATS_OPTIONS, MARKET_STATS_OPTIONS, REQUEST_OPTIONS } from '../option-names.js';
import { checkOptions } from '../../core/options.js';
import type { TurboPaged } from '../paging/turbo-paged.js';
import type { RequestOptions } from '../transport/transport.js';
import type { Action, Entity, EntityStats, Market, Scenario, StatPeriodInput, StatSnapshot, User } from '../types.js';
import { pickRequest } from './connection-core.js';
import { EntityMethods } from './entity-methods.js';
import type { FetchAll, ListOptions } from './options.js';

/** Options of the market statistics methods. */
export interface MarketStatsOptions extends RequestOptions {
  /** Market uuid (default `Market`). */
  uuid?: string | undefined;
  /** With it, the call is a POST with this body (an object, or JSON text as upstream takes it). */
  filter?: StatPeriodInput | string | undefined;
}

/** Markets, actions, scenarios and users (protocols §7–8). */
export class MarketMethods extends EntityMethods {
  /** `GET markets[/{uuid}]`. */
  getMarkets(options: { uuid: string } & RequestOptions): Promise<Market[]>;
  getMarkets(options: ListOptions & FetchAll): Promise<Market[]>;
  getMarkets(options?: ListOptions): TurboPaged<Market>;
  getMarkets(options: ListOptions & { uuid?: string } = {}): TurboPaged<Market> | Promise<Market[]> {
    options = checkOptions('Connection.getMarkets()', options, LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Market>({ method: 'GET', path: '/markets/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<Market>({ method: 'GET', path: '/markets', ...r }, options.fetchAll);
  }

  /** `GET markets/{uuid}/entities` (default `Market`). */
  getMarketEntities(options: ListOptions & FetchAll & { uuid?: string }): Promise<Entity[]>;
  getMarketEntities(options?: ListOptions & { uuid?: string }): TurboPaged<Entity>;
  getMarketEntities(options: ListOptions & { uuid?: string } = {}): TurboPaged<Entity> | Promise<Entity[]> {
    options = checkOptions('Connection.getMarketEntities()', options, LIST_OR_ONE_OPTIONS);
    return this.listOrAll<Entity>({ method: 'GET', path: '/markets/{uuid}/entities', params: { uuid: marketOf(options.uuid) }, ...pickRequest(options) }, options.fetchAll);
  }

  /** `GET markets/{uuid}/entities/stats`, or `POST` with `filter` as the body. */
  getMarketEntitiesStats(options: MarketStatsOptions & ListOptions & FetchAll): Promise<EntityStats[]>;
  getMarketEntitiesStats(options?: MarketStatsOptions & ListOptions): TurboPaged<EntityStats>;
  getMarketEntitiesStats(options: MarketStatsOptions & ListOptions = {}): TurboPaged<EntityStats> | Promise<EntityStats[]> {
    options = checkOptions('Connection.getMarketEntitiesStats()', options, MARKET_ENTITIES_STATS_OPTIONS);
    const params = { uuid: marketOf(options.uuid) };
    const r = pickRequest(options);
    const spec =
      options.filter === undefined
        ? ({ method: 'GET', path: '/markets/{uuid}/entities/stats', params, ...r } as const)
        : ({ method: 'POST', path: '/markets/{uuid}/entities/stats', params, body: options.filter, ...r } as const);
    return this.listOrAll<EntityStats>(spec, options.fetchAll);
  }

  /** The `state` of a market (`GET markets/{uuid}` → `[0].state`), e.g. `RUNNING`. */
  async getMarketState(options: RequestOptions & { uuid?: string } = {}): Promise<string | undefined> {
    options = checkOptions('Connection.getMarketState()', options, [...REQUEST_OPTIONS, 'uuid']);
    const [market] = await this.getMarkets({ uuid: marketOf(options.uuid), ...pickRequest(options) });
    return market?.state;
  }

  /** `GET markets/{uuid}/stats`, or `POST` with `filter` as the body. */
  async getMarketStats(options: MarketStatsOptions = {}): Promise<StatSnapshot[]> {
    options = checkOptions('Connection.getMarketStats()', options, MARKET_STATS_OPTIONS);
    const params = { uuid: marketOf(options.uuid) };
    const r = pickRequest(options);
    if (options.filter === undefined) return this.callList<StatSnapshot>({ method: 'GET', path: '/markets/{uuid}/stats', params, ...r });
    return this.callList<StatSnapshot>({ method: 'POST', path: '/markets/{uuid}/stats', params, body: options.filter, ...r });
  }

  /**
   * Deletes a plan market. A system market (`Market`, `Market_Default`) is refused: resolves false
   * and sends nothing. With `scenario`, the market's scenario is deleted first (failures ignored).
   */
  async delMarket(uuid: string, options: RequestOptions & { scenario?: boolean } = {}): Promise<boolean> {
    options = checkOptions('Connection.delMarket()', options, [...REQUEST_OPTIONS, 'scenario']);
    this.checkPath({ method: 'DELETE', path: '/markets/{uuid}', params: { uuid } });
    if (uuid === 'Market' || this.systemMarkets.includes(uuid)) return false;
    const r = pickRequest(options);
    await this.connect();
    if (this.systemMarkets.includes(uuid)) return false;
    if (options.scenario) {
      try {
        const [market] = await this.getMarkets({ uuid, ...r });
        const scenario = market?.scenario?.uuid;
        if (scenario !== undefined) await this.delScenario(scenario, r);
      } catch {
        // Upstream ignores any failure here: the market is deleted either way.
      }
    }
    await this.callData({ method: 'DELETE', path: '/markets/{uuid}', params: { uuid }, ...r });
    return true;
  }

  /** `GET actions/{uuid}`, or the actions of a market (`GET markets/{market}/actions`, default `Market`). */
  getActions(options: { uuid: string } & RequestOptions): Promise<Action[]>;
  getActions(options: ListOptions & FetchAll & { market?: string }): Promise<Action[]>;
  getActions(options?: ListOptions & { market?: string }): TurboPaged<Action>;
  getActions(options: ListOptions & { market?: string; uuid?: string } = {}): TurboPaged<Action> | Promise<Action[]> {
    options = checkOptions('Connection.getActions()', options, [...LIST_OR_ONE_OPTIONS, 'market']);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Action>({ method: 'GET', path: '/actions/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<Action>({ method: 'GET', path: '/markets/{uuid}/actions', params: { uuid: marketOf(options.market) }, ...r }, options.fetchAll);
  }

  /** Accepts (`true`) or rejects (`false`) an action: `POST actions/{uuid}?accept=true|false`, empty body. */
  async updateAction(uuid: string, accept: boolean, options: RequestOptions = {}): Promise<unknown> {
    options = checkOptions('Connection.updateAction()', options, REQUEST_OPTIONS);
    return this.callData({ method: 'POST', path: '/actions/{uuid}', params: { uuid }, query: { accept: accept ? 'true' : 'false' }, ...pickRequest(options) });
  }

  /** `GET scenarios[/{uuid}]`. */
  getScenarios(options: { uuid: string } & RequestOptions): Promise<Scenario[]>;
  getScenarios(options: ListOptions & FetchAll): Promise<Scenario[]>;
  getScenarios(options?: ListOptions): TurboPaged<Scenario>;
  getScenarios(options: ListOptions & { uuid?: string } = {}): TurboPaged<Scenario> | Promise<Scenario[]> {
    options = checkOptions('Connection.getScenarios()', options, LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<Scenario>({ method: 'GET', path: '/scenarios/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<Scenario>({ method: 'GET', path: '/scenarios', ...r }, options.fetchAll);
  }

  /** `DELETE scenarios/{uuid}`; resolves true. */
  async delScenario(uuid: string, options: RequestOptions = {}): Promise<boolean> {
    options = checkOptions('Connection.delScenario()', options, REQUEST_OPTIONS);
    await this.callData({ method: 'DELETE', path: '/scenarios/{uuid}', params: { uuid }, ...pickRequest(options) });
    return true;
  }

  /** `GET users[/{uuid}]`. */
  getUsers(options: { uuid: string } & RequestOptions): Promise<User[]>;
  getUsers(options: ListOptions & FetchAll): Promise<User[]>;
  getUsers(options?: ListOptions): TurboPaged<User>;
  getUsers(options: ListOptions & { uuid?: string } = {}): TurboPaged<User> | Promise<User[]> {
    options = checkOptions('Connection.getUsers()', options, LIST_OR_ONE_OPTIONS);
    const r = pickRequest(options);
    if (options.uuid !== undefined) return this.callList<User>({ method: 'GET', path: '/users/{uuid}', params: { uuid: options.uuid }, ...r });
    return this.listOrAll<User>({ method: 'GET', path: '/users', ...r }, options.fetchAll);
  }

  /** `GET users/me`, as a one-item list. */
  async getCurrentUser(options: RequestOptions = {}): Promise<User[]> {
    options = checkOptions('Connection.getCurrentUser()', options, REQUEST_OPTIONS);
    return this.callList<User>({ method: 'GET', path: '/users/me', ...pickRequest(options) });
  }
}

/** A market uuid option: absent means the real-time market; anything else (null included) is checked as an id. */
function marketOf(uuid: string | undefined): string {
  return uuid === undefined ? 'Market' : uuid;
}
