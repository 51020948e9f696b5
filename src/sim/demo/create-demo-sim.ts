import { createSimApp } from '../app.js';
import { createClock } from '../clock.js';
import { createCursorTable } from '../cursors.js';
import { defineSim } from '../define-sim.js';
import { createRandom } from '../random.js';
import { counterIds, createCollection } from '../state.js';
import { loginRoute, requireBearer } from './auth.js';
import { echoRoute } from './echo.js';
import { itemRoutes } from './items.js';
import { jobRoutes } from './jobs.js';
import { seedItems } from './seed.js';
import type { DemoCredentials, DemoItem, DemoJobRecord, DemoSim, DemoSimOptions, DemoState } from './types.js';

/**
 * Creates the demo simulator, a tiny inventory API (openapi/demo.yaml): bearer login,
 * cursor-paged items with CRUD, clock-driven jobs and an echo endpoint. It exists to
 * exercise opskit's core (auth, paging, retry, timeouts) without any vendor.
 */
export function createDemoSim(options: DemoSimOptions = {}): DemoSim {
  const pageSize = positiveInt(options.pageSize ?? 10, 'pageSize');
  const maxPageSize = Math.max(pageSize, positiveInt(options.maxPageSize ?? 100, 'maxPageSize'));
  const jobDelayMs = options.jobDelayMs ?? 1000;
  if (!(Number.isFinite(jobDelayMs) && jobDelayMs >= 0)) {
    throw new RangeError(`jobDelayMs must be a non-negative number, got ${jobDelayMs}`);
  }
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed);
  const state: DemoState = {
    items: createCollection<DemoItem>({ ids: counterIds('item-', { pad: 3 }) }),
    jobs: createCollection<DemoJobRecord>({ ids: counterIds('job-', { pad: 3 }) }),
    tokens: new Set(),
    cursors: createCursorTable<number>({ clock, random, ...(options.cursorTtlMs !== undefined && { ttlMs: options.cursorTtlMs }) }),
  };
  seedItems(state, clock, options.items ?? 25);
  const credentials: DemoCredentials = { username: 'admin', password: options.password ?? 'opskit-demo' };

  const sim = defineSim(
    'demo',
    (ctx) => {
      const app = createSimApp(ctx.errorBody);
      loginRoute(app, ctx);
      requireBearer(app, ctx);
      itemRoutes(app, ctx, { pageSize, maxPageSize, repeatCursor: options.repeatCursor ?? false });
      jobRoutes(app, ctx, jobDelayMs);
      echoRoute(app);
      return app;
    },
    { state, credentials, clock, random, ...(options.requestLogSize !== undefined && { requestLogSize: options.requestLogSize }) },
  );
  return Object.assign(sim, {
    expireCursors: () => state.cursors.expireAll(),
    revokeTokens: () => state.tokens.clear(),
  });
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
