import type { Clock } from '../clock.js';
import type { RandomSource } from '../random.js';
import { userOf } from './astakos/context.js';
import { CommissionError, holdingKey, issueCommission } from './astakos/quota-engine.js';
import { SERVICE_PATHS } from './defaults.js';
import { SynnefoFault, type SimObjectStoreView, type SynnefoSimHost, type SynnefoSimUser } from './host.js';
import type { SimUser, SynnefoSimState } from './types.js';

/** astakosclient's names of the resources, for the overLimit details. */
const RESOURCE_NAMES: Readonly<Record<string, string>> = {
  'cyclades.disk': 'Disk', 'cyclades.vm': 'Virtual Machine', 'cyclades.cpu': 'CPU', 'cyclades.ram': 'RAM',
  'cyclades.floating_ip': 'Floating IP address', 'cyclades.network.private': 'Private Network', 'pithos.diskspace': 'Storage space',
  'astakos.pending_app': 'Pending Applications',
};

/** The host as the simulator builds it: the contract plus what only the simulator itself calls. */
export interface SynnefoHostImpl extends SynnefoSimHost {
  /** Remembers the origin requests arrive on (catalog URLs follow it: in-process or served). */
  setOrigin(origin: string): void;
  setObjects(view: SimObjectStoreView): void;
}

/**
 * The Astakos side every mounted service talks to: token checks, users, quota charges (as
 * auto-accepted commissions of the Cyclades or Pithos component, failing with Cyclades' own
 * faults), catalog URLs.
 */
export function createHost(options: { state: SynnefoSimState; clock: Clock; random: RandomSource; origin: string }): SynnefoHostImpl {
  const { state, clock } = options;
  let origin = options.origin;

  const charge = (user: SynnefoSimUser, changes: Readonly<Record<string, number>>, project?: string): void => {
    const record = state.users.find((u) => u.uuid === user.uuid);
    const source = project ?? record?.defaultProject ?? user.defaultProject;
    const provisions = [];
    let pithos = false;
    for (const [resource, quantity] of Object.entries(changes)) {
      if (!quantity) continue;
      if (!Number.isInteger(quantity)) throw new SynnefoFault(500, 'internalServerError', `Non-integer quantity for ${resource}`);
      if (resource.startsWith('pithos.')) pithos = true;
      if (!state.holdings.has(holdingKey(`user:${user.uuid}`, `project:${source}`, resource))) {
        throw new SynnefoFault(400, 'badRequest', `User ${user.uuid} not in project ${source}`);
      }
      provisions.push({ holder: `user:${user.uuid}`, source: `project:${source}`, resource, quantity }, { holder: `project:${source}`, source: null, resource, quantity });
    }
    if (provisions.length === 0) return;
    // Releases always go through (Cyclades forces them): a delete must never fail on quota.
    const force = provisions.every((p) => p.quantity < 0);
    try {
      issueCommission(state, pithos ? 'pithos' : 'cyclades', provisions, { name: 'simulator charge', accept: true, force, now: clock.now() });
    } catch (e) {
      if (!(e instanceof CommissionError)) throw e;
      if (e.status === 404) throw new SynnefoFault(400, 'badRequest', `User ${user.uuid} not in project ${source}`);
      const data = (e.data ?? {}) as { limit?: number; usage?: number; provision?: { resource?: string; quantity?: number } };
      const resource = data.provision?.resource ?? '';
      throw new SynnefoFault(
        413,
        'overLimit',
        'Resource Limit Exceeded for your account.',
        `Limit for resource '${RESOURCE_NAMES[resource] ?? resource}' exceeded for your account. Available: ${(data.limit ?? 0) - (data.usage ?? 0)}, Requested: ${data.provision?.quantity ?? 0}`,
      );
    }
  };

  const quota = (uuid: string, resource: string, project?: string) => {
    const user = state.users.find((u) => u.uuid === uuid);
    const source = project ?? user?.defaultProject ?? uuid;
    const h = state.holdings.get(holdingKey(`user:${uuid}`, `project:${source}`, resource));
    return h ? { limit: h.limit, usage: h.usageMax } : undefined;
  };

  return {
    clock,
    random: options.random,
    authenticate: (request: Request): SimUser => userOf({ state, clock }, request),
    findUser: (key) => state.users.find((u) => u.uuid === key || u.name === key),
    charge,
    serviceUrl(type, request) {
      const s = SERVICE_PATHS[type];
      if (!s) throw new RangeError(`no catalog service of type ${JSON.stringify(type)}`);
      return `${request ? new URL(request.url).origin : origin}${s.path}`;
    },
    get objects() {
      return state.objects;
    },
    quota,
    pithosQuota: (uuid) => quota(uuid, 'pithos.diskspace')?.limit,
    setOrigin(next) {
      origin = next;
    },
    setObjects(view) {
      state.objects = view;
    },
  };
}
