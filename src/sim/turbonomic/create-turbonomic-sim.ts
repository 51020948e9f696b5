import { createSimApp } from '../app.js';
import { createClock } from '../clock.js';
import { createCursorTable } from '../cursors.js';
import { defineSim } from '../define-sim.js';
import { createRandom } from '../random.js';
import { createCollection } from '../state.js';
import { loginRoute, requireSession, runtimeExposesSetCookie, type AuthOptions } from './auth.js';
import { makeTargets, seedActions, seedGroups, seedMarkets, seedTemplates, seedUsers, uuidMaker } from './fixtures.js';
import { Inventory } from './inventory.js';
import { actionRoutes } from './routes/actions.js';
import { adminRoutes } from './routes/admin.js';
import { catalogRoutes } from './routes/catalog.js';
import type { RouteEnv } from './routes/context.js';
import { entityRoutes } from './routes/entities.js';
import { groupRoutes } from './routes/groups.js';
import { marketRoutes } from './routes/markets.js';
import { searchRoutes } from './routes/search.js';
import { statsRoutes } from './routes/stats.js';
import { supplychainRoutes } from './routes/supplychains.js';
import type { Stored, TurbonomicCredentials, TurbonomicSim, TurbonomicSimOptions, TurbonomicState } from './types.js';
import { versionDto } from './versions.js';

/**
 * Most entities a simulator holds. Entity #i is computed from (seed, i) when a page needs it, so the
 * count costs no memory: 10 million (large Turbonomic estates, issue 14's scale tests) is as cheap to
 * create as a thousand.
 */
export const MAX_ENTITIES = 10_000_000;

function int(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/**
 * A Turbonomic server (protocols/turbonomic.md), XL or Classic, Turbonomic or CWOM, in memory:
 * unauthenticated `admin/versions`, form login with `JSESSIONID` sessions (and Basic auth),
 * cursor paging with a configurable page size, up to 10,000,000 entities generated lazily from a
 * seed, markets, groups (static ones editable), actions (accept/reject), statistics, supply chains,
 * targets, templates, users, scenarios and search. Faults (`sim.faults`) give 502/503s; sessions
 * and cursors expire on the simulator clock.
 *
 * @example
 * ```ts
 * const sim = createSim('turbonomic', { platform: 'xl', entities: 20_000 });
 * const conn = new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
 * ```
 */
export function createTurbonomicSim(options: TurbonomicSimOptions = {}): TurbonomicSim {
  const platform = options.platform ?? 'xl';
  if (platform !== 'xl' && platform !== 'classic') throw new RangeError(`platform must be 'xl' or 'classic', got ${JSON.stringify(platform)}`);
  const xl = platform === 'xl';
  const size = int(options.entities ?? 1000, 'entities', 0, MAX_ENTITIES);
  const seed = int(options.seed ?? 1, 'seed', 0, 2 ** 31);
  const pageSize = int(options.pageSize ?? 500, 'pageSize', 1, 1_000_000);
  const maxPageSize = Math.max(pageSize, int(options.maxPageSize ?? 10_000, 'maxPageSize', 1, 1_000_000));
  const clock = options.clock ?? createClock();
  const random = createRandom(seed);
  const uuid = uuidMaker(xl, random);
  const targetRefs = makeTargets(uuid);
  const inventory = new Inventory({ size, seed, xl, targets: targetRefs });
  const collection = () => createCollection<Stored>();
  const state: TurbonomicState = {
    inventory,
    targets: collection(),
    groups: collection(),
    markets: collection(),
    scenarios: collection(),
    actions: collection(),
    templates: collection(),
    users: collection(),
    sessions: new Map(),
    ambientSession: undefined,
    cursors: createCursorTable({ clock, random, ...(options.cursorTtlMs !== undefined && { ttlMs: options.cursorTtlMs }) }),
    quirks: {},
    version: versionDto({ ...options, platform }),
    bases: xl ? ['/api/v3'] : ['/vmturbo/rest', '/api/v2'],
    realtimeMarket: '',
  };
  for (const t of Object.values(targetRefs)) state.targets.insert({ ...t, id: t.uuid } as Stored);
  seedGroups(state.groups, inventory, uuid);
  state.realtimeMarket = seedMarkets(state.markets, state.scenarios, uuid, xl);
  seedActions(state.actions, inventory, uuid, state.realtimeMarket);
  seedTemplates(state.templates, uuid);
  const credentials: TurbonomicCredentials = { username: options.username ?? 'administrator', password: options.password ?? 'opskit-turbo' };
  seedUsers(state.users, uuid, credentials.username);
  const auth: AuthOptions = {
    sessionTtlMs: options.sessionTtlMs ?? 1_800_000,
    requireHttps: options.requireHttps ?? false,
    browserCookies: options.browserCookies ?? !runtimeExposesSetCookie(),
  };

  const sim = defineSim<TurbonomicState, TurbonomicCredentials>(
    'turbonomic',
    (ctx) => {
      const app = createSimApp((_status, code, message) => ({ type: code, message }));
      for (const b of state.bases) {
        const env: RouteEnv = { app, b, ctx, paging: { pageSize, maxPageSize }, seed, uuid };
        app.use(`${b}/*`, requireSession(ctx, auth));
        adminRoutes(env);
        loginRoute(app, b, ctx, auth);
        marketRoutes(env);
        actionRoutes(env);
        entityRoutes(env);
        groupRoutes(env);
        statsRoutes(env);
        supplychainRoutes(env);
        catalogRoutes(env);
        searchRoutes(env);
      }
      return app;
    },
    { state, credentials, clock, random, errorBody: (_s, code, message) => ({ type: code, message }), ...(options.requestLogSize !== undefined && { requestLogSize: options.requestLogSize }) },
  );
  return Object.assign(sim, {
    platform,
    basePath: `${state.bases[0]}/`,
    settings: Object.freeze({ entities: size, seed, pageSize, maxPageSize }),
    expireSessions() {
      state.sessions.clear();
      state.ambientSession = undefined;
    },
    expireCursors: () => state.cursors.expireAll(),
  });
}
