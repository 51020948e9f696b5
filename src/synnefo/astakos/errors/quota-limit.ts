import type { HttpErrorInit } from '../../../core/errors/http-error.js';
import { faultOf } from '../../base/errors/error-for.js';
import { AstakosClientError } from './astakos-client-error.js';

/** astakosclient's names of the resources, for the "Limit for resource … exceeded" detail. */
const RESOURCE_NAMES: Readonly<Record<string, string>> = {
  'cyclades.disk': 'Disk',
  'cyclades.vm': 'Virtual Machine',
  'cyclades.cpu': 'CPU',
  'cyclades.ram': 'RAM',
  'cyclades.floating_ip': 'Floating IP address',
  'cyclades.network.private': 'Private Network',
  'pithos.diskspace': 'Storage space',
  'astakos.pending_app': 'Pending Applications',
};

/** The `data` of a refused commission (413 `overLimit`). */
export interface OverLimitData {
  /** `NoCapacityError` when a limit would be exceeded. */
  name?: string;
  /** The provision that did not fit. */
  provision?: { holder?: string; source?: string | null; resource?: string; quantity?: number };
  limit?: number;
  usage?: number;
  [field: string]: unknown;
}

/**
 * astakosclient's `QuotaLimit`: a commission was refused with 413 `overLimit`. The message is
 * astakosclient's ("Resource Limit Exceeded for your account."), `details` ends with
 * "Limit for resource 'Virtual Machine' exceeded for your account. Available: 0, Requested: 1",
 * and `data` holds the server's numbers.
 */
export class QuotaLimit extends AstakosClientError {
  override name = 'QuotaLimit';
  /** The commission failure's `data` (provision, limit, usage), when the body had it. */
  readonly data: OverLimitData | undefined;

  constructor(message: string, status?: number, details?: string | readonly string[]);
  constructor(init: HttpErrorInit);
  constructor(messageOrInit: string | HttpErrorInit, status?: number, details?: string | readonly string[]) {
    super(messageOrInit as never, status, details);
    if (typeof messageOrInit === 'string') {
      this.data = undefined;
      return;
    }
    const data = faultOf(messageOrInit.body)?.data;
    this.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as OverLimitData) : undefined;
    const d = this.data;
    if (d && typeof d.limit === 'number' && typeof d.usage === 'number') {
      const resource = d.provision?.resource ?? '';
      const op = messageOrInit.request.op;
      this.message = `${op ? `${op}: ` : ''}Resource Limit Exceeded for your account.`;
      this.details.push(
        `Limit for resource '${RESOURCE_NAMES[resource] ?? resource}' exceeded for your account. Available: ${d.limit - d.usage}, Requested: ${d.provision?.quantity ?? '?'}`,
      );
    }
  }
}
