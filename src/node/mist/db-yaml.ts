import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AnyBackendOptions, MistClient } from '../../mist/index.js';
import { parseYaml } from './yaml.js';

/** A backend as the standalone server's `db.yaml` stores it. */
export interface DbYamlBackend {
  title?: string | null;
  provider: string;
  apikey?: string | null;
  apisecret?: string | null;
  apiurl?: string | null;
  tenant_name?: string | null;
  region?: string | null;
  compute_endpoint?: string | null;
  docker_port?: number | null;
  enabled?: boolean | null;
  /** Bare metal only: its one machine, keyed by machine id. */
  machines?: Record<string, { dns_name?: string | null; public_ips?: string[] | null; name?: string | null; ssh_port?: number | null }> | null;
}

/** A key pair as `db.yaml` stores it. */
export interface DbYamlKeypair {
  private: string;
  public?: string | null;
  default?: boolean | null;
  /** `[backend_id, machine_id, last_seen, ssh_user, sudo, ssh_port]`. */
  machines?: unknown[][] | null;
}

/** The parts of a standalone mist.io `db.yaml` that `sync` imports. */
export interface DbYaml {
  backends: Record<string, DbYamlBackend>;
  keypairs: Record<string, DbYamlKeypair>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads the text of a standalone mist.io server's `db.yaml` (PyYAML output).
 * @throws ConfigError naming the line for YAML it cannot read, or the entry for a backend without
 *   a provider or a key pair without a private key.
 */
export function parseDbYaml(text: string, source = 'db.yaml'): DbYaml {
  const doc = parseYaml(text, source) ?? {};
  if (!isRecord(doc)) throw new ConfigError(`${source}: expected a mapping at the top`);
  const backends = doc.backends ?? {};
  const keypairs = doc.keypairs ?? {};
  if (!isRecord(backends)) throw new ConfigError(`${source}: "backends" is not a mapping`);
  if (!isRecord(keypairs)) throw new ConfigError(`${source}: "keypairs" is not a mapping`);
  for (const [id, b] of Object.entries(backends)) {
    if (!isRecord(b) || typeof b.provider !== 'string' || b.provider === '') throw new ConfigError(`${source}: backend ${JSON.stringify(id)} has no provider`);
    if (b.machines !== undefined && b.machines !== null && !isRecord(b.machines)) throw new ConfigError(`${source}: backend ${JSON.stringify(id)}: "machines" is not a mapping`);
  }
  for (const [id, k] of Object.entries(keypairs)) {
    if (!isRecord(k) || typeof k.private !== 'string' || k.private === '') throw new ConfigError(`${source}: key pair ${JSON.stringify(id)} has no private key`);
    if (k.machines !== undefined && k.machines !== null && (!Array.isArray(k.machines) || k.machines.some((a) => !Array.isArray(a) || a.length < 2))) {
      throw new ConfigError(`${source}: key pair ${JSON.stringify(id)}: "machines" is not a list of associations`);
    }
  }
  return { backends: backends as Record<string, DbYamlBackend>, keypairs: keypairs as Record<string, DbYamlKeypair> };
}

/** Reads and parses a `db.yaml` file. @throws ConfigError when it cannot be read or parsed. */
export async function loadDbYaml(path: string): Promise<DbYaml> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ConfigError(`You need to provide a valid path for a db.yaml file: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path} is not UTF-8 text`);
  }
  return parseDbYaml(text, path);
}

/** One step of a sync. */
export interface SyncEvent {
  kind: 'key' | 'backend' | 'association';
  /** Key name, backend id, or `key → backend/machine`. */
  id: string;
  outcome: 'found' | 'added' | 'failed';
  /** Why it failed (secrets already scrubbed by the client). */
  error?: Error;
}

/** What a sync did, by kind. */
export interface SyncReport {
  keys: SyncEvent[];
  backends: SyncEvent[];
  associations: SyncEvent[];
  /** True when any step failed. */
  failed: boolean;
}

/** Options of {@link syncDbYaml}. */
export interface SyncOptions {
  /** Called after every step (the CLI prints them). */
  onEvent?: (event: SyncEvent) => void;
}

/**
 * Imports a standalone server's `db.yaml` into a mist.io account (mist.client's `mist sync`): keys
 * not there yet (restoring the default), then backends not there yet (bare-metal ones with their
 * host and the key that logs in), then every key's machine associations. Unlike mist.client, a
 * failed step does not stop the sync or vanish silently: it is reported and the rest goes on;
 * a disabled backend is disabled again after it is added.
 */
export async function syncDbYaml(client: MistClient, db: DbYaml, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { keys: [], backends: [], associations: [], failed: false };
  const record = (list: SyncEvent[], event: SyncEvent) => {
    list.push(event);
    if (event.outcome === 'failed') report.failed = true;
    options.onEvent?.(event);
  };
  const attempt = async (list: SyncEvent[], kind: SyncEvent['kind'], id: string, work: () => Promise<void>) => {
    try {
      await work();
      record(list, { kind, id, outcome: 'added' });
    } catch (e) {
      record(list, { kind, id, outcome: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
    }
  };

  const keys = await client.keys();
  for (const [name, pair] of Object.entries(db.keypairs)) {
    if (keys.has(name)) {
      record(report.keys, { kind: 'key', id: name, outcome: 'found' });
      continue;
    }
    await attempt(report.keys, 'key', name, async () => {
      const key = await client.addKey(name, pair.private);
      if (pair.default === true) await key.setDefault();
    });
  }

  const backends = await client.backends();
  for (const [id, b] of Object.entries(db.backends)) {
    if (backends.has(id)) {
      record(report.backends, { kind: 'backend', id, outcome: 'found' });
      continue;
    }
    await attempt(report.backends, 'backend', id, async () => {
      const added = b.provider === 'bare_metal' ? await addBareMetal(client, id, b, db) : await addCloud(client, b);
      if (b.enabled === false) await added.disable();
    });
  }

  for (const [name, pair] of Object.entries(db.keypairs)) {
    for (const assoc of pair.machines ?? []) {
      const [backendId, machineId, , user, , port] = assoc as [unknown, unknown, unknown, unknown, unknown, unknown];
      const label = `${name} → ${String(backendId)}/${String(machineId)}`;
      await attempt(report.associations, 'association', label, async () => {
        if (typeof backendId !== 'string' || typeof machineId !== 'string') throw new ConfigError('the association names no backend and machine');
        const key = (await client.keys()).get(name);
        if (!key) throw new ConfigError(`key ${JSON.stringify(name)} is not in the account`);
        const backend = await client.backendFromId(backendId);
        if (!backend) throw new ConfigError(`backend ${backendId} is not in the account`);
        await backend.updateMachines();
        const machine = await backend.machineFromId(machineId);
        await key.associateToMachine(backendId, machineId, {
          host: machine?.publicIps[0] ?? '',
          sshUser: typeof user === 'string' ? user : null,
          sshPort: typeof port === 'number' && Number.isInteger(port) ? port : 22,
        });
      });
    }
  }
  return report;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The options `addBackend` takes for this provider, from the stored fields (empty ones left out). */
async function addCloud(client: MistClient, b: DbYamlBackend) {
  const family = b.provider.split(':')[0] ?? b.provider;
  const region = str(b.region);
  const title = str(b.title) ?? b.provider;
  const pick = (o: AnyBackendOptions) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as AnyBackendOptions;
  let provider = b.provider;
  let options: AnyBackendOptions = {};
  if (family === 'openstack') options = pick({ apiurl: str(b.apiurl), tenantName: str(b.tenant_name), region, computeEndpoint: str(b.compute_endpoint) });
  else if (family === 'hpcloud') options = pick({ tenantName: str(b.tenant_name), apiurl: str(b.apiurl), region });
  else if (family === 'gce') options = pick({ tenantName: str(b.tenant_name) });
  else if (family === 'docker') options = pick({ apiurl: str(b.apiurl), dockerPort: typeof b.docker_port === 'number' ? b.docker_port : undefined });
  // The server stored `rackspace:lon` as provider `rackspace`, region `lon`: join them again.
  else if (region !== undefined && (family === 'rackspace' || family === 'rackspace_first_gen') && !provider.includes(':')) provider = `${provider}:${region}`;
  return (client.addBackend as (...a: unknown[]) => ReturnType<MistClient['addBackend']>)(title, provider, str(b.apikey) ?? '', str(b.apisecret) ?? '', options);
}

/** A bare-metal backend: its machine's host name, and the key associated with that machine. */
async function addBareMetal(client: MistClient, backendId: string, b: DbYamlBackend, db: DbYaml) {
  const [machineId, machine] = Object.entries(b.machines ?? {})[0] ?? [];
  if (!machineId || !machine) throw new ConfigError(`bare-metal backend ${backendId} has no machine`);
  const host = str(machine.dns_name) ?? str(machine.public_ips?.[0]);
  if (!host) throw new ConfigError(`bare-metal backend ${backendId} has no host name or address`);
  const machineKey = Object.entries(db.keypairs).find(([, k]) => (k.machines ?? []).some((a) => a[1] === machineId))?.[0];
  const user = Object.values(db.keypairs)
    .flatMap((k) => k.machines ?? [])
    .find((a) => a[1] === machineId)?.[3];
  return client.addBackend(str(b.title) ?? host, 'bare_metal', '', '', {
    machineIp: host,
    ...(machineKey !== undefined ? { machineKey } : {}),
    ...(typeof user === 'string' && user !== '' ? { machineUser: user } : {}),
    ...(typeof machine.ssh_port === 'number' ? { machinePort: machine.ssh_port } : {}),
  });
}
