import { writeFile } from 'node:fs/promises';
import type { CommandGroup } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { CycladesComputeClient, type ServerNetwork } from '../../../synnefo/index.js';
import { listValues, stringValue } from './options.js';
import { arg, command, DETAIL, keyValueArgs, keyValues, PROJECT, required, WAIT, waitOptions } from './cyclades-common.js';
import type { KamakiSession } from './session.js';

const compute = (k: KamakiSession) => k.client(CycladesComputeClient);

/** Writes a secret to a file only its owner can read (created, or truncated). */
async function writePrivateFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
}

/** After an action: with `--wait`, wait until the server reaches `target` and print it; else print what the call returned. */
async function finish(k: KamakiSession, c: CycladesComputeClient, values: Readonly<Record<string, unknown>>, id: string, target: string, result: unknown): Promise<void> {
  if (values.wait === true && !k.dryRun) {
    k.print(await c.waitServerUntil(id, target, waitOptions(k, values, `server ${id}`)));
    return;
  }
  k.print(result);
}

/** `--network NET_ID[,IP]` / `--port PORT_ID` / `--no-network` → the create body's `networks`. */
function networks(values: Readonly<Record<string, unknown>>): ServerNetwork[] | undefined {
  const nets = listValues(values, 'network').map((n): ServerNetwork => {
    const [uuid, fixed] = n.split(',', 2);
    if (!uuid) throw new UsageError('--network takes NETWORK_ID or NETWORK_ID,IP');
    return fixed ? { uuid, fixed_ip: fixed } : { uuid };
  });
  const ports = listValues(values, 'port').map((port): ServerNetwork => ({ port }));
  if (values['no-network'] === true) {
    if (nets.length || ports.length) throw new UsageError('--no-network cannot be combined with --network or --port');
    return [];
  }
  return nets.length || ports.length ? [...nets, ...ports] : undefined;
}

/** kamaki's `server` group. */
export const serverGroup: CommandGroup = {
  summary: 'Cyclades/Compute API server commands',
  commands: {
    list: command({ summary: 'List servers', usage: '[-l] [--since TIME]', options: { ...DETAIL, since: { type: 'string', valueName: 'TIME', description: 'only servers changed since then (ISO 8601, at most an hour ago; deleted ones too)' } } }, async (k, values) => {
      const since = stringValue(values, 'since');
      k.print(await (await compute(k)).listServers(values.detail === true, since ? { changesSince: since } : {}));
    }),
    info: command({
      summary: 'Details of a server',
      usage: '<server id> [--nics | --stats | --diagnostics]',
      args: { min: 1, max: 1 },
      options: {
        nics: { type: 'boolean', description: 'its network interfaces and addresses' },
        stats: { type: 'boolean', description: 'its statistics graphs (URLs)' },
        diagnostics: { type: 'boolean', description: 'its diagnostic messages' },
      },
    }, async (k, values, args) => {
      const c = await compute(k);
      const id = arg(args, 0);
      if (values.nics === true) k.print(await c.getServerNics(id));
      else if (values.stats === true) k.print(await c.getServerStats(id));
      else if (values.diagnostics === true) k.print(await c.getServerDiagnostics(id));
      else k.print(await c.getServerDetails(id));
    }),
    create: command({
      summary: 'Create a server',
      usage: '--name NAME --flavor-id ID --image-id ID [options]',
      options: {
        name: { type: 'string', valueName: 'NAME', description: 'server name' },
        'flavor-id': { type: 'string', valueName: 'ID', description: 'hardware flavor (see flavor list)' },
        'image-id': { type: 'string', valueName: 'ID', description: 'image (see image list)' },
        'key-name': { type: 'string', valueName: 'NAME', multiple: true, description: 'an SSH key pair to install (repeatable)' },
        network: { type: 'string', valueName: 'NET_ID[,IP]', multiple: true, description: 'connect to a network, optionally with a fixed IP (repeatable)' },
        port: { type: 'string', valueName: 'PORT_ID', multiple: true, description: 'use an existing port (repeatable)' },
        'no-network': { type: 'boolean', description: 'no network interface at all' },
        metadata: { type: 'string', valueName: 'KEY=VALUE', multiple: true, description: 'server metadata (repeatable)' },
        tag: { type: 'string', valueName: 'TAG', multiple: true, description: 'server tag (repeatable)' },
        'user-data': { type: 'string', valueName: 'TEXT', description: 'user data for cloud-init (sent base64-encoded)' },
        'admin-pass-file': { type: 'string', valueName: 'FILE', description: 'save the generated admin password there (mode 600); it is never printed' },
        ...PROJECT,
        ...WAIT,
      },
    }, async (k, values) => {
      const c = await compute(k);
      const keys = listValues(values, 'key-name');
      const nets = networks(values);
      const metadata = keyValues(values, 'metadata');
      const tags = listValues(values, 'tag');
      const userData = stringValue(values, 'user-data');
      const project = stringValue(values, 'project-id');
      const server = await c.createServer(required(values, 'name'), required(values, 'flavor-id'), required(values, 'image-id'), {
        ...(keys.length ? { keyNames: keys } : {}), ...(nets ? { networks: nets } : {}), ...(metadata ? { metadata } : {}),
        ...(tags.length ? { tags } : {}), ...(userData ? { userData } : {}), ...(project ? { projectId: project } : {}),
      });
      if (k.dryRun) return void k.print(server);
      // The admin password is a secret: never printed; saved to a private file when asked.
      const { adminPass, ...rest } = server;
      if (adminPass) {
        k.addSecret(adminPass);
        const file = stringValue(values, 'admin-pass-file');
        if (file) await writePrivateFile(file, `${adminPass}\n`);
        k.info(file ? `admin password of server ${server.id} saved to ${file}` : `admin password of server ${server.id} not shown (use --admin-pass-file FILE, or SSH keys)`);
      }
      await finish(k, c, values, String(server.id), 'ACTIVE', rest);
    }),
    delete: command({ summary: 'Delete a server', usage: '<server id> [--wait]', args: { min: 1, max: 1 }, options: WAIT }, async (k, values, args) => {
      const c = await compute(k);
      const id = arg(args, 0);
      await finish(k, c, values, id, 'DELETED', await c.deleteServer(id));
    }),
    reboot: command({ summary: 'Reboot a server', usage: '<server id> [--hard] [--wait]', args: { min: 1, max: 1 }, options: { hard: { type: 'boolean', description: 'hard reboot (default soft)' }, ...WAIT } }, async (k, values, args) => {
      const c = await compute(k);
      const id = arg(args, 0);
      await finish(k, c, values, id, 'ACTIVE', await c.rebootServer(id, values.hard === true));
    }),
    start: command({ summary: 'Start a stopped server', usage: '<server id> [--wait]', args: { min: 1, max: 1 }, options: WAIT }, async (k, values, args) => {
      const c = await compute(k);
      await finish(k, c, values, arg(args, 0), 'ACTIVE', await c.startServer(arg(args, 0)));
    }),
    shutdown: command({ summary: 'Shut a server down', usage: '<server id> [--wait]', args: { min: 1, max: 1 }, options: WAIT }, async (k, values, args) => {
      const c = await compute(k);
      await finish(k, c, values, arg(args, 0), 'STOPPED', await c.shutdownServer(arg(args, 0)));
    }),
    resize: command({ summary: 'Resize a stopped server to another flavor', usage: '<server id> --flavor-id ID [--wait]', args: { min: 1, max: 1 }, options: { 'flavor-id': { type: 'string', valueName: 'ID', description: 'the new flavor' }, ...WAIT } }, async (k, values, args) => {
      const c = await compute(k);
      await finish(k, c, values, arg(args, 0), 'STOPPED', await c.resizeServer(arg(args, 0), required(values, 'flavor-id')));
    }),
    rename: command({ summary: 'Rename a server', usage: '<server id> <new name>', args: { min: 2, max: 2 } }, async (k, _values, args) => {
      k.print(await (await compute(k)).updateServerName(arg(args, 0), arg(args, 1)));
    }),
    reassign: command({ summary: 'Charge a server to another project', usage: '<server id> --project-id ID', args: { min: 1, max: 1 }, options: PROJECT }, async (k, values, args) => {
      k.print(await (await compute(k)).reassignServer(arg(args, 0), required(values, 'project-id')));
    }),
    console: command({
      summary: 'VNC console details of a server',
      usage: '<server id> [--console-type vnc|vnc-ws|vnc-wss] [--reveal]',
      args: { min: 1, max: 1 },
      options: { 'console-type': { type: 'string', valueName: 'TYPE', description: 'vnc (default), vnc-ws or vnc-wss' }, reveal: { type: 'boolean', description: 'print the console password (redacted otherwise)' } },
    }, async (k, values, args) => {
      const console = await (await compute(k)).getServerConsole(arg(args, 0), stringValue(values, 'console-type') ?? 'vnc');
      const password = (console as { password?: unknown }).password;
      if (typeof password === 'string' && values.reveal !== true) k.addSecret(password);
      k.print(console);
    }),
    wait: command({
      summary: 'Wait while a server is in a status (or until it reaches one)',
      usage: '<server id> [--status STATUS | --until STATUS] [--timeout DURATION]',
      args: { min: 1, max: 1 },
      options: {
        status: { type: 'string', valueName: 'STATUS', description: 'wait while in this status (default BUILD)' },
        until: { type: 'string', valueName: 'STATUS', description: 'wait until this status instead' },
        timeout: WAIT.timeout!,
      },
    }, async (k, values, args) => {
      const c = await compute(k);
      const id = arg(args, 0);
      const until = stringValue(values, 'until');
      if (until && stringValue(values, 'status')) throw new UsageError('--status and --until are mutually exclusive');
      const opts = waitOptions(k, values, `server ${id}`);
      k.print(until ? await c.waitServerUntil(id, until.toUpperCase(), opts) : await c.waitServerWhile(id, (stringValue(values, 'status') ?? 'BUILD').toUpperCase(), opts));
    }),
    metadata: command({ summary: 'Server metadata: list, set KEY=VALUE…, delete KEY…', usage: 'list|set|delete <server id> [KEY=VALUE… | KEY…]', args: { min: 2, max: 64 } }, async (k, _values, args) => {
      const c = await compute(k);
      const [action, id, ...rest] = args as [string, string, ...string[]];
      if (action === 'list') return void k.print(await c.getServerMetadata(id, rest[0] ?? ''));
      if (action === 'set') {
        if (rest.length === 0) throw new UsageError('server metadata set needs KEY=VALUE');
        return void k.print(await c.updateServerMetadata(id, keyValueArgs(rest)));
      }
      if (action === 'delete') {
        if (rest.length === 0) throw new UsageError('server metadata delete needs a KEY');
        for (const key of rest) await c.deleteServerMetadata(id, key);
        return void k.print(await c.getServerMetadata(id));
      }
      throw new UsageError('server metadata takes list, set or delete');
    }),
    tag: command({ summary: 'Server tags: list, add TAG…, delete [TAG…]', usage: 'list|add|delete <server id> [TAG…]', args: { min: 2, max: 52 } }, async (k, _values, args) => {
      const c = await compute(k);
      const [action, id, ...tags] = args as [string, string, ...string[]];
      if (action === 'list') return void k.print(await c.listTags(id));
      if (action === 'add') {
        for (const t of tags) await c.addTag(id, t);
        return void k.print(await c.listTags(id));
      }
      if (action === 'delete') {
        if (tags.length === 0) await c.deleteTags(id);
        for (const t of tags) await c.deleteTag(id, t);
        return void k.print(await c.listTags(id));
      }
      throw new UsageError('server tag takes list, add or delete');
    }),
  },
};

/** kamaki's `flavor` group. */
export const flavorGroup: CommandGroup = {
  summary: 'Cyclades/Compute API flavor commands',
  commands: {
    list: command({ summary: 'List flavors', usage: '[-l] [--public] [--project-id ID]', options: { ...DETAIL, public: { type: 'boolean', description: 'only public flavors' }, ...PROJECT } }, async (k, values) => {
      const project = stringValue(values, 'project-id');
      k.print(await (await compute(k)).listFlavors(values.detail === true, { ...(values.public === true ? { isPublic: true } : {}), ...(project ? { projectId: project } : {}) }));
    }),
    info: command({ summary: 'Details of a flavor', usage: '<flavor id>', args: { min: 1, max: 1 } }, async (k, _values, args) => {
      k.print(await (await compute(k)).getFlavorDetails(arg(args, 0)));
    }),
  },
};

/** kamaki's `keypair` group. */
export const keypairGroup: CommandGroup = {
  summary: 'Cyclades/Compute API SSH key pair commands',
  commands: {
    list: command({ summary: 'List key pairs', usage: '' }, async (k) => k.print(await (await compute(k)).listKeypairs())),
    info: command({ summary: 'Details of a key pair', usage: '<name>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await compute(k)).getKeypairDetails(arg(args, 0)))),
    upload: command({
      summary: 'Upload a public key (or, without --public-key, have the server generate a pair)',
      usage: '<name> [--public-key TEXT] [--private-key-file FILE]',
      args: { min: 1, max: 1 },
      options: {
        'public-key': { type: 'string', valueName: 'TEXT', description: 'an OpenSSH public key line' },
        'private-key-file': { type: 'string', valueName: 'FILE', description: 'where to save a generated private key (mode 600); it is never printed' },
      },
    }, async (k, values, args) => {
      const publicKey = stringValue(values, 'public-key');
      const file = stringValue(values, 'private-key-file');
      if (!publicKey && !file && !k.dryRun) throw new UsageError('give --public-key, or --private-key-file to save the pair the server generates');
      const key = await (await compute(k)).createKey(arg(args, 0), publicKey);
      const { private_key: privateKey, ...rest } = key;
      if (privateKey && file) {
        k.addSecret(privateKey);
        await writePrivateFile(file, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
        k.info(`private key saved to ${file}`);
      }
      k.print(rest);
    }),
    delete: command({ summary: 'Delete a key pair', usage: '<name>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await compute(k)).deleteKeypair(arg(args, 0)))),
  },
};

