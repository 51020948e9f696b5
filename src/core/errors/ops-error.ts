/** Base of every error opskit throws. `code` is a stable machine-readable name. */
export class OpsError extends Error {
  override name = 'OpsError';
  /** Stable, machine-readable error kind (e.g. `HTTP_ERROR`, `TIMEOUT`). */
  readonly code: string;

  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? 'OPS_ERROR';
  }
}
