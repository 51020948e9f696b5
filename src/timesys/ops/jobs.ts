import { ConfigError } from '../../core/errors/config-error.js';
import { waitFor, type WaitProgress } from '../../core/wait-for.js';
import type { LlapiContext } from '../context.js';
import { VigilesJobError } from '../job-error.js';
import type { Job, RequestOptions } from '../types.js';
import { required } from '../validate.js';

/** How an upload or rescan waits for its background job (newer enterprise servers, §3.4). */
export interface JobWaitOptions {
  /** Give up after this many ms (default 600 000, upstream's 600 s); throws TimeoutError. */
  jobTimeout?: number;
  /** Delay between polls in ms (default 1 000, upstream's). */
  pollInterval?: number;
  /** Called after every poll with the job as last seen. */
  onProgress?: (progress: WaitProgress<Job>) => void;
  /** Abort the wait (and the poll in flight). */
  signal?: AbortSignal;
}

/** `GET /jobs/{job_id}`. */
export async function getJob(ctx: LlapiContext, jobId: string, o: RequestOptions = {}): Promise<Job> {
  required(jobId, 'job_id');
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/jobs/{job_id}', pathParams: { job_id: jobId }, ...o });
}

/**
 * Polls a job until it `succeeded` (resolves with it) or `failed` (throws VigilesJobError with
 * upstream's message). Exceeding `jobTimeout` throws the core TimeoutError (scope `wait`).
 */
export async function waitForJob(ctx: LlapiContext, jobId: string, o: JobWaitOptions = {}): Promise<Job> {
  const timeout = o.jobTimeout ?? 600_000;
  if (!(timeout > 0)) throw new ConfigError('timeout must be a positive number');
  const job = await waitFor(
    () => getJob(ctx, jobId, { signal: o.signal }),
    (j) => j.status === 'succeeded' || j.status === 'failed',
    {
      interval: o.pollInterval ?? 1000,
      timeout,
      what: `Vigiles job ${jobId}`,
      ...(o.signal && { signal: o.signal }),
      ...(o.onProgress && { onProgress: o.onProgress }),
      ...(ctx.now && { now: ctx.now }),
      ...(ctx.sleep && { sleep: ctx.sleep }),
    },
  );
  if (job.status === 'failed') throw new VigilesJobError(jobId, job.error);
  return job;
}
