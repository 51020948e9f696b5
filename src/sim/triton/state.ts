import { md5Fingerprint } from '../../crypto/keys/fingerprint.js';
import { parsePublicKey } from '../../crypto/keys/parse-public-key.js';
import { SimError } from '../app.js';
import type { RandomSource } from '../random.js';
import type { SimAccount, SimJob, SimKey, SimMachine, SimUser, TritonSimAccountInput, TritonState } from './types.js';

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
  // CloudAPI answers "key already exists or is invalid"; this names which key collides and how.
  const sameKey = [...keys.values()].find((k) => k.fingerprint === key.fingerprint);
  if (sameKey) throw new SimError(409, 'InvalidArgument', `key ${key.fingerprint} already exists (named ${JSON.stringify(sameKey.name)})`);
  const sameName = [...keys.values()].find((k) => k.name === key.name);
  if (sameName) throw new SimError(409, 'InvalidArgument', `a key named ${JSON.stringify(key.name)} already exists (fingerprint ${sameName.fingerprint})`);
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
 * Brings a machine up to the clock: runs, in finishing order, every job whose time has come
 * (state changes, metadata, tags, snapshots, renames, …), so each read sees what a real server
 * would show at that moment.
 */
export function settle(m: SimMachine, now: number): SimMachine {
  const due = m.jobs.filter((j) => !j.done && j.finishAt <= now).sort((a, b) => a.finishAt - b.finishAt);
  for (const job of due) {
    job.done = true;
    if (job.success === 'yes') job.apply?.(m, job.finishAt);
    m.updated = iso(job.finishAt);
  }
  return m;
}

/** Options of {@link schedule}. */
export interface JobSpec {
  /** Milliseconds from now until the job finishes. */
  after: number;
  caller: Record<string, string>;
  parameters?: Record<string, unknown>;
  metadata?: Record<string, string>;
  tags?: Record<string, string | number | boolean>;
  apply?: SimJob['apply'];
}

/** Queues a job on a machine; it finishes (and shows in MachineAudit) `after` ms from `now`. */
export function schedule(m: SimMachine, now: number, action: string, spec: JobSpec): SimJob {
  const job: SimJob = {
    action, finishAt: now + Math.max(0, spec.after), success: 'yes', caller: spec.caller,
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.metadata ? { metadata: spec.metadata } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.apply ? { apply: spec.apply } : {}),
  };
  m.jobs.push(job);
  // A job due at once (after: 0) is applied before the reply, as synchronous changes are.
  settle(m, now);
  return job;
}

/** Metadata or tags as they will be once every queued job has run (what a new change builds on). */
export function projected<K extends 'metadata' | 'tags'>(m: SimMachine, kind: K): NonNullable<SimJob[K]> {
  const pending = m.jobs.filter((j) => !j.done && j[kind] !== undefined).sort((a, b) => a.finishAt - b.finishAt);
  return { ...(pending.length ? pending[pending.length - 1]![kind] : m[kind]) } as NonNullable<SimJob[K]>;
}

/** MachineAudit: finished jobs only, newest first, each stamped with its finish time (lib/audit.js). */
export function auditView(m: SimMachine, now: number): Record<string, unknown>[] {
  return m.jobs
    .filter((j) => j.finishAt <= now)
    .sort((a, b) => b.finishAt - a.finishAt)
    .map((j) => ({ action: j.action, success: j.success, time: iso(j.finishAt), caller: { ...j.caller } }));
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
