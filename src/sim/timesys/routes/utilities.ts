import type { Hono } from 'hono/tiny';
import { BASE, type TimesysEnv } from '../env.js';

/** `POST /heartbeat` and `GET /about`. */
export function utilityRoutes(app: Hono, env: TimesysEnv): void {
  app.post(`${BASE}/heartbeat`, (c) => c.json({ ok: true }));
  app.get(`${BASE}/about`, (c) =>
    c.json({ app_version: '2026.04.1-opskit-sim', database_version: new Date(env.ctx.clock.now()).toISOString().slice(0, 10) }),
  );
}
