import { Backend, Key, Machine, type MistClient } from '../../../mist/index.js';
import { UsageError } from '../../usage-error.js';
import type { MistCli } from './session.js';

// In a dry run nothing is sent, lookups included: objects are named by id and built directly, so
// the command's own request is the one printed.

function dryBackend(client: MistClient, id: string): Backend {
  return new Backend({ id, title: id, provider: '', enabled: true }, client);
}

/** The backend named by `-b` (id, title or provider, as mist.client's search_backend). */
export async function backendOf(cli: MistCli): Promise<Backend> {
  const value = cli.str('backend');
  if (!value) throw new UsageError('You have to provide either backend name or backend id (-b)');
  const client = await cli.client();
  if (client.dryRun) return dryBackend(client, value);
  const backend = await client.searchBackend(value);
  if (!backend) throw new Error(`no backend has the id, title or provider ${JSON.stringify(value)}`);
  return backend;
}

/** The backend named by `-n` (title) or `-i` (id), as mist.client's backend commands. */
export async function backendByNameOrId(cli: MistCli): Promise<Backend> {
  const name = cli.str('name');
  const id = cli.str('id');
  if (!name && !id) throw new UsageError('You have to provide backend name or id (-n or -i)');
  const client = await cli.client();
  if (client.dryRun) {
    if (!id) throw new UsageError('a dry run looks nothing up: name the backend by id (-i)');
    return dryBackend(client, id);
  }
  const backend = name ? await client.backendFromTitle(name) : await client.backendFromId(id as string);
  if (!backend) throw new Error(`no backend ${name ? `titled ${JSON.stringify(name)}` : `with id ${JSON.stringify(id)}`}`);
  return backend;
}

/** The machine named by `-n` or `-i` in the backend of `-b`. */
export async function machineOf(cli: MistCli): Promise<Machine> {
  const backend = await backendOf(cli);
  const name = cli.str('name');
  const id = cli.str('id');
  if (!name && !id) throw new UsageError('You have to provide either machine name or machine id (-n or -i)');
  if (backend.mistClient.dryRun) {
    if (!id) throw new UsageError('a dry run looks nothing up: name the machine by id (-i)');
    return new Machine({ id, name: id, state: 'running', public_ips: ['0.0.0.0'] }, backend);
  }
  const machine = name ? await backend.machineFromName(name) : await backend.machineFromId(id as string);
  if (!machine) throw new Error(`no machine ${name ? `named ${JSON.stringify(name)}` : `with id ${JSON.stringify(id)}`} in backend ${backend.title}`);
  return machine;
}

/** The key named by `-n`. */
export async function keyOf(cli: MistCli): Promise<Key> {
  const name = cli.str('name');
  if (!name) throw new UsageError('You have to provide key name (-n)');
  const client = await cli.client();
  if (client.dryRun) return new Key({ id: name, machines: [], isDefault: false }, client);
  const key = (await client.keys()).get(name);
  if (!key) throw new Error(`no key named ${JSON.stringify(name)}`);
  return key;
}

/** A whole non-negative number option (not a duration: unix seconds, ports). */
export function intOption(cli: MistCli, name: string, flag: string): number | undefined {
  const raw = cli.str(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} must be a whole number`);
  return Number(raw);
}
