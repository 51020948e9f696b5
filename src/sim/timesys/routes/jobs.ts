import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { BASE, type TimesysEnv } from '../env.js';
import { llapi } from '../request.js';
import type { TimesysJob, TimesysUser } from '../types.js';

/** Starts a background job; `work` runs once, on the first poll after the delay has passed. */
export function createJob(env: TimesysEnv, user: TimesysUser, work: () => Record<string, unknown>): TimesysJob {
  const failure = env.state.failNextJob;
  env.state.failNextJob = undefined;
  const job: TimesysJob = {
    id: env.token(),
    user: user.email,
    createdAtMs: env.ctx.clock.now(),
    work: failure === undefined ? work : () => { throw new Error(failure); },
  };
  env.state.jobs.set(job.id, job);
  return job;
}

/** The job as `GET /jobs/{id}` shows it at the current clock time: queued, running, then finished. */
export function jobView(env: TimesysEnv, job: TimesysJob): Record<string, unknown> {
  const elapsed = env.ctx.clock.now() - job.createdAtMs;
  if (job.status === undefined && elapsed >= env.jobDelayMs) {
    try {
      job.result = job.work();
      job.status = 'succeeded';
    } catch (e) {
      job.error = (e as Error).message || 'Background job failed';
      job.status = 'failed';
    }
  }
  if (job.status === 'succeeded') return { job_id: job.id, status: 'succeeded', result: job.result };
  if (job.status === 'failed') return { job_id: job.id, status: 'failed', error: job.error };
  return { job_id: job.id, status: elapsed < env.jobDelayMs / 2 ? 'queued' : 'running' };
}

/** `GET /jobs/{job_id}`: only the user who started a job may read it. */
export function jobRoutes(app: Hono, env: TimesysEnv): void {
  app.get(`${BASE}/jobs/:job_id`, (c) => {
    const job = env.state.jobs.get(c.req.param('job_id'));
    if (!job) throw new SimError(404, 'NotFound', 'Job not found');
    if (job.user !== llapi(c).user.email) throw new SimError(403, 'Forbidden', 'You do not have access to this job');
    return c.json(jobView(env, job));
  });
}
