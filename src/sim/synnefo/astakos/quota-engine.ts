import type { Holding, SimCommission, SimProvision, SynnefoSimState } from '../types.js';

/** Why a commission cannot be issued (quotaholder's exceptions, as the API reports them). */
export class CommissionError extends Error {
  constructor(
    readonly status: 400 | 404 | 413,
    readonly fault: 'badRequest' | 'itemNotFound' | 'overLimit',
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The fault body `POST /commissions` answers with (the data rides along, outside `details`). */
  body(): Record<string, unknown> {
    return { [this.fault]: { message: this.message, code: this.status, ...(this.data ? { data: this.data } : {}) } };
  }
}

export const holdingKey = (holder: string, source: string | null, resource: string) => `${holder}|${source ?? ''}|${resource}`;

/** The holding, created with `limit` when missing (an existing one keeps its usage, takes the limit). */
export function setHolding(state: SynnefoSimState, holder: string, source: string | null, resource: string, limit: number): Holding {
  const key = holdingKey(holder, source, resource);
  const existing = state.holdings.get(key);
  if (existing) {
    existing.limit = limit;
    return existing;
  }
  const h: Holding = { holder, source, resource, limit, usageMin: 0, usageMax: 0 };
  state.holdings.set(key, h);
  return h;
}

function provisionOf(h: Holding, quantity: number): SimProvision {
  return { holder: h.holder, source: h.source, resource: h.resource, quantity };
}

/**
 * quotaholder's `prepare` for one provision: an import (positive) raises `usageMax` and must stay
 * within the limit; a release (negative) lowers `usageMin` and must not go below 0. `force` skips
 * both checks.
 */
function prepare(h: Holding, quantity: number, force: boolean): void {
  if (quantity >= 0) {
    const next = h.usageMax + quantity;
    if (!force && next > h.limit) {
      throw new CommissionError(413, 'overLimit', `${h.holder} has not enough capacity of ${h.resource}.`, {
        provision: provisionOf(h, quantity), name: 'NoCapacityError', limit: h.limit, usage: h.usageMax,
      });
    }
    h.usageMax = next;
  } else {
    const next = h.usageMin + quantity;
    if (!force && next < 0) {
      throw new CommissionError(413, 'overLimit', `${h.holder} attempts to release more ${h.resource} than it contains.`, {
        provision: provisionOf(h, quantity), name: 'NoQuantityError', limit: 0, usage: h.usageMin,
      });
    }
    h.usageMin = next;
  }
}

function revert(h: Holding, quantity: number): void {
  if (quantity >= 0) h.usageMax -= quantity;
  else h.usageMin -= quantity;
}

/** Checks a provisions list as Astakos does (shapes 400, unknown holdings 404). */
export function parseProvisions(raw: unknown): SimProvision[] {
  if (raw === undefined || raw === null) throw new CommissionError(400, 'badRequest', 'Provisions are missing.');
  if (!Array.isArray(raw)) throw new CommissionError(400, 'badRequest', 'Provisions should be a list.');
  return raw.map((p) => {
    if (!p || typeof p !== 'object') throw new CommissionError(400, 'badRequest', 'Malformed provision');
    const r = p as Record<string, unknown>;
    const { holder, source, resource, quantity } = r;
    if (typeof holder !== 'string' || (source !== null && source !== undefined && typeof source !== 'string') || typeof resource !== 'string') {
      throw new CommissionError(400, 'badRequest', `Malformed provision ${JSON.stringify(p)}`);
    }
    if (typeof quantity !== 'number' || !Number.isInteger(quantity)) throw new CommissionError(400, 'badRequest', `Malformed provision ${JSON.stringify(p)}`);
    return { holder, source: (source as string | null | undefined) ?? null, resource, quantity };
  });
}

/**
 * Issues a commission (all provisions or none). With `accept` it is resolved at once; otherwise
 * it stays pending under `clientKey` until accepted or rejected. Throws {@link CommissionError}.
 */
export function issueCommission(
  state: SynnefoSimState,
  clientKey: string,
  provisions: readonly SimProvision[],
  options: { name?: string; force?: boolean; accept?: boolean; now: number },
): number {
  const done: [Holding, number][] = [];
  try {
    for (const p of provisions) {
      const h = state.holdings.get(holdingKey(p.holder, p.source, p.resource));
      if (!h) throw new CommissionError(404, 'itemNotFound', `There is no such holding (${p.holder}, ${p.source}, ${p.resource})`, { provision: { ...p } });
      prepare(h, p.quantity, options.force === true);
      done.push([h, p.quantity]);
    }
  } catch (e) {
    for (const [h, q] of done.reverse()) revert(h, q);
    throw e;
  }
  const serial = state.nextSerial++;
  const commission: SimCommission = { serial, clientKey, name: options.name ?? '', issueTime: options.now, provisions: provisions.map((p) => ({ ...p })) };
  if (options.accept) finalize(state, commission);
  else state.commissions.set(serial, commission);
  return serial;
}

/** Accepting makes the prepared change final (usageMin follows an import, usageMax a release). */
function finalize(state: SynnefoSimState, c: SimCommission): void {
  for (const p of c.provisions) {
    const h = state.holdings.get(holdingKey(p.holder, p.source, p.resource));
    if (!h) continue;
    if (p.quantity >= 0) h.usageMin += p.quantity;
    else h.usageMax += p.quantity;
  }
}

/** Accepts or rejects a pending commission of `clientKey`; false when there is no such commission. */
export function resolveCommission(state: SynnefoSimState, serial: number, clientKey: string, accept: boolean): boolean {
  const c = state.commissions.get(serial);
  if (!c || c.clientKey !== clientKey) return false;
  state.commissions.delete(serial);
  if (accept) finalize(state, c);
  else
    for (const p of c.provisions) {
      const h = state.holdings.get(holdingKey(p.holder, p.source, p.resource));
      if (h) revert(h, p.quantity);
    }
  return true;
}

/** A holding as `/quotas` reports it (`usage` is the upper bound, `pending` what is not final yet). */
export function holdingView(h: Holding | undefined, prefix = ''): Record<string, number> {
  const limit = h?.limit ?? 0;
  const usage = h?.usageMax ?? 0;
  const pending = h ? h.usageMax - h.usageMin : 0;
  return { [`${prefix}limit`]: limit, [`${prefix}usage`]: usage, [`${prefix}pending`]: pending };
}

/** user → project → resource → quota, for the holdings of the given users (and resources). */
export function usersQuotas(
  state: SynnefoSimState,
  users: readonly string[],
  filter: { resources?: ReadonlySet<string>; projects?: ReadonlySet<string> } = {},
): Record<string, Record<string, Record<string, Record<string, number>>>> {
  const wanted = new Set(users.map((u) => `user:${u}`));
  const out: Record<string, Record<string, Record<string, Record<string, number>>>> = {};
  for (const u of users) out[u] = {};
  for (const h of state.holdings.values()) {
    if (!wanted.has(h.holder) || h.source === null) continue;
    if (filter.resources && !filter.resources.has(h.resource)) continue;
    const project = h.source.replace(/^project:/, '');
    if (filter.projects && !filter.projects.has(project)) continue;
    const user = h.holder.replace(/^user:/, '');
    const projectHolding = state.holdings.get(holdingKey(h.source, null, h.resource));
    ((out[user] as Record<string, Record<string, Record<string, number>>>)[project] ??= {})[h.resource] = {
      ...holdingView(h),
      ...holdingView(projectHolding, 'project_'),
    };
  }
  return out;
}
