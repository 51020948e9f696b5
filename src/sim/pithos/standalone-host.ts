import type { Clock } from '../clock.js';
import type { RandomSource } from '../random.js';
import { SynnefoFault, type SimObjectStoreView, type SynnefoSimHost, type SynnefoSimUser } from '../synnefo/host.js';

/** A user of the stand-alone Pithos simulator (all fields optional: generated from the seed). */
export interface PithosSimUserSpec {
  uuid?: string;
  name?: string;
  token?: string;
}

/**
 * The small Astakos stand-in of `createSim('pithos')`: users and tokens, `pithos.diskspace`
 * quota per user, and the catalog URL of the object store. (`createSim('synnefo')` mounts the same
 * object store behind the real Astakos simulator.)
 */
export interface StandaloneHost extends SynnefoSimHost {
  readonly users: readonly SynnefoSimUser[];
  /** `X-Account-Policy-Quota` of a user (bytes; 0 = unlimited). */
  pithosQuota(uuid: string): number;
  /** Bytes charged to a user. */
  usage(uuid: string): number;
  setObjects(view: SimObjectStoreView): void;
}

export function createStandaloneHost(options: {
  clock: Clock;
  random: RandomSource;
  url: () => string;
  users?: readonly PithosSimUserSpec[] | undefined;
  quota?: number | undefined;
}): StandaloneHost {
  const { random } = options;
  const specs = options.users ?? [{ name: 'user@example.org' }, { name: 'friend@example.org' }];
  const users: SynnefoSimUser[] = specs.map((s, i) => ({
    uuid: s.uuid ?? random.uuid(),
    name: s.name ?? `user${i + 1}@example.org`,
    token: s.token ?? random.hex(20),
    defaultProject: '',
  }));
  for (const u of users) (u as { defaultProject: string }).defaultProject = u.uuid;
  const used = new Map<string, number>();
  const quota = options.quota ?? 0;
  let objects: SimObjectStoreView | undefined;

  return {
    clock: options.clock,
    random,
    users,
    authenticate(request) {
      const url = new URL(request.url);
      const token = url.searchParams.get('X-Auth-Token') ?? request.headers.get('x-auth-token') ?? request.headers.get('x-storage-token');
      if (!token) throw new SynnefoFault(401, 'unauthorized', 'Access denied. No authentication token');
      const user = users.find((u) => u.token === token);
      if (!user) throw new SynnefoFault(401, 'unauthorized', 'Invalid token');
      return user;
    },
    findUser: (key) => users.find((u) => u.uuid === key || u.name === key),
    charge(user, changes) {
      const delta = changes['pithos.diskspace'] ?? 0;
      const now = used.get(user.uuid) ?? 0;
      if (delta > 0 && quota > 0 && now + delta > quota) {
        throw new SynnefoFault(413, 'overLimit', `pithos.diskspace: limit ${quota} exceeded (${now} used, ${delta} more asked)`);
      }
      used.set(user.uuid, Math.max(0, now + delta));
    },
    serviceUrl: (type) => `${options.url()}/${type === 'object-store' ? 'object-store/v1' : type}`,
    get objects() {
      return objects;
    },
    setObjects(view) {
      objects = view;
    },
    pithosQuota: () => quota,
    usage: (uuid) => used.get(uuid) ?? 0,
  };
}
