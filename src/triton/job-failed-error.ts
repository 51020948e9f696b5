import { OpsError } from '../core/errors/ops-error.js';
import type { AuditEntry } from './types.js';

/**
 * A machine job CloudAPI ran and reported as failed (`success: "no"` in MachineAudit), found
 * while waiting for it (`waitForReboot`, `waitForMachineAudit`, …); or a snapshot, image, volume
 * or disk that ended in state `failed`.
 */
export class TritonJobError extends OpsError {
  static override readonly kind: string = 'opskit/triton:TritonJobError';
  override name = 'TritonJobError';
  /** The machine (or image, volume) the job ran on. */
  readonly id: string;
  /** The audit action (`reboot`, `set_metadata`, …) or the resource kind (`image`, `volume`, …). */
  readonly action: string;
  /** The audit entry or resource that reported the failure. */
  readonly detail: AuditEntry | Record<string, unknown>;

  constructor(id: string, action: string, detail: AuditEntry | Record<string, unknown>, message?: string) {
    super(message ?? `${action} of ${id} failed (MachineAudit reports success "no" at ${String((detail as AuditEntry).time ?? '?')})`, { code: 'JOB_FAILED' });
    this.id = id;
    this.action = action;
    this.detail = detail;
  }
}
