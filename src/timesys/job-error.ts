import { OpsError } from '../core/errors/ops-error.js';

/** A background upload or rescan job ended as `failed` (upstream: `Vigiles job <id> failed: …`). */
export class VigilesJobError extends OpsError {
  override name = 'VigilesJobError';
  readonly jobId: string;
  /** The server's `error`, when it gave one. */
  readonly detail: string | undefined;

  constructor(jobId: string, detail: string | undefined) {
    super(`Vigiles job ${jobId} failed: ${detail || 'Background job failed'}`, { code: 'JOB_FAILED' });
    this.jobId = jobId;
    this.detail = detail;
  }
}
