import { md5Fingerprint } from '../../crypto/keys/fingerprint.js';
import { parsePublicKey } from '../../crypto/keys/parse-public-key.js';
import { SimError } from '../app.js';
import type { RandomSource } from '../random.js';
import type { SimAccount, SimKey, SimMachine, SimUser, TritonSimAccountInput, TritonState } from './types.js';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** An SSH key record from an OpenSSH public key line. */
export function makeKey(publicKey: string, name?: string): SimKey {
  let pub;
  try {
    pub = parsePublicKey(publicKey);
  } catch (e) {
    throw new SimError(409, 'InvalidArgument', `key is invalid: ${(e as Error).message}`);
  }
  const fingerprint = md5Fingerprint(pub.blob);
  return { name: name || pub.comment || fingerprint, fingerprint, key: pub.toString(), publicKey: pub };
}

export function newUser(random: RandomSource, now: number, login: string, email: string, password: string): SimUser {
  return { id: random.uuid(), login, email, password, keys: new Map(), accessKeys: new Map(), created: iso(now), updated: iso(now), profile: {} };
}

export function newAccount(random: RandomSource, now: number, input: string | TritonSimAccountInput): SimAccount {
  const spec = typeof input === 'string' ? { login: input } : input;
  const account: SimAccount = {
    id: random.uuid(),
    login: spec.login,
    email: spec.email ?? `${spec.login}@example.com`,
    profile: {},
    triton_cns_enabled: false,
    created: iso(now),
    updated: iso(now),
    keys: new Map(),
    users: new Map(),
    roles: new Map(),
    policies: new Map(),
    accessKeys: new Map(),
    config: {},
    roleTags: new Map(),
    foreignDatacenters: {},
    limits: [{ by: 'machines', value: 100 }, { by: 'ram', value: 1024 * 256 }],
  };
  for (const k of spec.keys ?? []) addKeyTo(account.keys, k);
  for (const u of spec.users ?? []) {
    const user = newUser(random, now, u.login, u.email ?? `${u.login}@example.com`, u.password ?? 'secret123');
    for (const k of u.keys ?? []) addKeyTo(user.keys, k);
    account.users.set(user.id, user);
  }
  return account;
}

export function addKeyTo(keys: Map<string, SimKey>, publicKey: string, name?: string): SimKey {
  const key = makeKey(publicKey, name);
  if ([...keys.values()].some((k) => k.fingerprint === key.fingerprint || k.name === key.name)) {
    throw new SimError(409, 'InvalidArgument', `key ${key.name} already exists`);
  }
  keys.set(key.name, key);
  return key;
}

/** A user by login or id. */
export function findUser(account: SimAccount, idOrLogin: string): SimUser {
  const user = account.users.get(idOrLogin) ?? [...account.users.values()].find((u) => u.login === idOrLogin);
  if (!user) throw new SimError(404, 'ResourceNotFound', `${idOrLogin} does not exist`);
  return user;
}

/**
 * Brings a machine up to the clock: finishes a transition whose time has come (recording its audit
 * entry) and applies tag and metadata updates that are due.
 */
export function settle(m: SimMachine, now: number): SimMachine {
  if (m.transition && now >= m.transition.at) {
    const { to, audit } = m.transition;
    m.state = to;
    m.transition = undefined;
    m.updated = iso(now);
    if (audit) {
      const entry = m.audit.find((a) => a.action === audit && a.success === 'no');
      if (entry) {
        entry.success = 'yes';
        entry.time = iso(now);
      }
    }
  }
  const due = <T>(list: { at: number; value: T }[], apply: (v: T) => void) => {
    while (list.length > 0 && list[0]!.at <= now) apply(list.shift()!.value);
  };
  due(m.pendingTags, (v) => {
    m.tags = { ...v };
  });
  due(m.pendingMetadata, (v) => {
    m.metadata = { ...v };
  });
  return m;
}

/** The machine `id` of `account`, settled; 404 when unknown (deleted machines are found: 410 is the caller's choice). */
export function findMachine(state: TritonState, account: SimAccount, id: string, now: number): SimMachine {
  const m = state.machines.get(id);
  if (!m || m.owner !== account.id) throw new SimError(404, 'ResourceNotFound', 'VM not found');
  return settle(m, now);
}

/** Like findMachine, but a deleted machine answers 410 with its own body (as GetMachine and actions do). */
export function liveMachine(state: TritonState, account: SimAccount, id: string, now: number, view: (m: SimMachine) => unknown): SimMachine {
  const m = findMachine(state, account, id, now);
  if (m.state === 'deleted') throw new GoneError(view(m));
  return m;
}

/** 410 Gone whose body is the machine, not `{code, message}`. */
export class GoneError extends Error {
  constructor(readonly body: unknown) {
    super('gone');
  }
}
