import type { Hono } from 'hono/tiny';
import { readJson, SimError } from '../app.js';
import type { SimContext } from '../define-sim.js';
import type { DemoCredentials, DemoJob, DemoJobRecord, DemoState } from './types.js';

type Ctx = SimContext<DemoState, DemoCredentials>;

/**
 * `/jobs`: asynchronous work whose state is derived from the clock on every read
 * (queued for `delayMs`, running for `delayMs` with linear progress, then done), so
 * advancing an injected clock moves jobs along without timers.
 */
export function jobRoutes(app: Hono, ctx: Ctx, delayMs: number): void {
  app.post('/jobs', async (c) => {
    // The body is optional: an empty POST starts an unnamed job.
    const body = await readJson(c, { optional: true });
    const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).name : undefined;
    if (given !== undefined && typeof given !== 'string') {
      throw new SimError(400, 'ValidationError', 'name must be a string');
    }
    const name = given ?? 'job';
    const record = ctx.state.jobs.insert({ name, createdAtMs: ctx.clock.now() });
    // The creation response is always "queued", even with a zero delay: the job was just accepted.
    const accepted = { ...jobView(record, record.createdAtMs, delayMs), state: 'queued', progress: 0 };
    return c.json(accepted, 202, { location: `/jobs/${encodeURIComponent(record.id)}` });
  });

  app.get('/jobs/:id', (c) => {
    const id = c.req.param('id');
    const record = ctx.state.jobs.get(id);
    if (record === undefined) throw new SimError(404, 'NotFound', `job ${JSON.stringify(id)} not found`);
    return c.json(jobView(record, ctx.clock.now(), delayMs));
  });
}

/** The public view of a job at time `now`. */
export function jobView(record: DemoJobRecord, now: number, delayMs: number): DemoJob {
  const elapsed = now - record.createdAtMs;
  const view = (state: DemoJob['state'], progress: number): DemoJob => ({
    id: record.id,
    name: record.name,
    state,
    progress,
    createdAt: new Date(record.createdAtMs).toISOString(),
  });
  if (elapsed >= 2 * delayMs) return view('done', 100);
  if (elapsed < delayMs) return view('queued', 0);
  return view('running', Math.min(99, Math.floor((100 * (elapsed - delayMs)) / delayMs)));
}
