import type { Context } from 'hono';
import { SimError } from '../../app.js';
import { marketOf, view } from '../lookup.js';
import { arraySource, indexSource, pageResponse } from '../paging.js';
import { periodDates, snapshots, stat, statNames } from '../stats.js';
import type { Json, Stored } from '../types.js';
import { optionalObjectBody, param, type RouteEnv } from './context.js';

/** Plan markets hold a small slice of the inventory. */
const PLAN_ENTITIES = 50;

/** Markets, their entities, statistics and actions. */
export function marketRoutes({ app, b, ctx, paging, seed }: RouteEnv): void {
  const { state } = ctx;
  const inv = state.inventory;
  const entitySource = (market: Stored) => indexSource(market.uuid === state.realtimeMarket ? inv.size : Math.min(PLAN_ENTITIES, inv.size), (i) => inv.entity(i));

  app.get(`${b}/markets`, (c) => pageResponse(c, state, arraySource(state.markets.list().map(view)), paging));
  app.get(`${b}/markets/:uuid`, (c) => c.json(view(marketOf(state, param(c, 'uuid')))));
  app.delete(`${b}/markets/:uuid`, (c) => {
    const market = marketOf(state, param(c, 'uuid'));
    if (market.uuid === state.realtimeMarket || market.displayName === 'Market_Default') {
      throw new SimError(400, 'BAD_REQUEST', 'The real-time market cannot be deleted');
    }
    state.markets.remove(market.uuid);
    return c.json(true);
  });

  app.get(`${b}/markets/:uuid/entities`, (c) => pageResponse(c, state, entitySource(marketOf(state, param(c, 'uuid'))), paging));

  const entitiesStats = (c: Context, body: Json) => {
    const market = marketOf(state, param(c, 'uuid'));
    const now = ctx.clock.now();
    const dates = periodDates(body, now);
    const size = market.uuid === state.realtimeMarket ? inv.size : Math.min(PLAN_ENTITIES, inv.size);
    const source = indexSource(size, (i) => {
      const e = inv.ref(i);
      return { ...e, environmentType: 'ONPREM', stats: snapshots(seed, String(e.uuid), statNames(body.statistics, String(e.className)), dates) };
    });
    return pageResponse(c, state, source, paging);
  };
  app.get(`${b}/markets/:uuid/entities/stats`, (c) => entitiesStats(c, {}));
  app.post(`${b}/markets/:uuid/entities/stats`, async (c) => entitiesStats(c, await optionalObjectBody(c)));

  const marketStats = (uuid: string, body: Json) => {
    const market = marketOf(state, uuid);
    const now = ctx.clock.now();
    const names = Array.isArray(body.statistics) && body.statistics.length > 0 ? statNames(body.statistics, undefined) : ['numVMs', 'numHosts', 'CPU', 'Mem'];
    return periodDates(body, now).map(({ t, epoch }) => ({
      date: new Date(t).toISOString(),
      epoch,
      statistics: names.map((n) => {
        const count = n === 'numVMs' ? inv.count('VirtualMachine') : n === 'numHosts' ? inv.count('PhysicalMachine') : undefined;
        if (count === undefined) return stat(seed, market.uuid, n, t);
        return { name: n, displayName: n, value: count, values: { avg: count, max: count, min: count, total: count } };
      }),
    }));
  };
  app.get(`${b}/markets/:uuid/stats`, (c) => c.json(marketStats(param(c, 'uuid'), {})));
  app.post(`${b}/markets/:uuid/stats`, async (c) => c.json(marketStats(param(c, 'uuid'), await optionalObjectBody(c))));

  app.get(`${b}/markets/:uuid/actions`, (c) => {
    const market = marketOf(state, param(c, 'uuid'));
    return pageResponse(c, state, arraySource(state.actions.filter((a) => a._market === market.uuid).map(view)), paging);
  });
}
