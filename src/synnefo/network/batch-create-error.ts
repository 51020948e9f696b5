import { OpsError } from '../../core/errors/ops-error.js';

/**
 * A batch create (`createNetworks`, `createSubnets`, `createPorts`) failed part-way. Cyclades has
 * no bulk create, so opskit creates one at a time and, when one fails, deletes the ones it had
 * created (kamaki relies on Neutron's server-side bulk semantics and has no rollback). `cause` is
 * the failure; `rolledBack` the ids deleted again; `leftBehind` those that could not be deleted
 * (Cyclades never deletes a subnet on its own: it goes with its network).
 */
export class BatchCreateError extends OpsError {
  static override readonly kind: string = 'opskit/synnefo:BatchCreateError';
  override name = 'BatchCreateError';
  /** What kind of item the batch created (`network`, `subnet`, `port`). */
  readonly kind: string;
  /** Index in the input of the spec that failed. */
  readonly failedIndex: number;
  readonly rolledBack: string[];
  readonly leftBehind: string[];

  constructor(kind: string, failedIndex: number, cause: unknown, rolledBack: string[], leftBehind: string[]) {
    const why = cause instanceof Error ? cause.message : String(cause);
    const undone = rolledBack.length ? `; deleted again: ${rolledBack.join(', ')}` : '';
    const left = leftBehind.length ? `; could not delete: ${leftBehind.join(', ')}` : '';
    super(`creating ${kind} #${failedIndex + 1} of the batch failed (${why})${undone}${left}`, { code: 'BATCH_CREATE_FAILED', cause });
    this.kind = kind;
    this.failedIndex = failedIndex;
    this.rolledBack = rolledBack;
    this.leftBehind = leftBehind;
  }
}
