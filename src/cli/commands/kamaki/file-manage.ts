import type { Command } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { stringValue } from './options.js';
import { commaList, fileCommand, nonNegativeInt, objectPath, pithosFor, remotePath } from './file-common.js';
import { requireArg } from './file-transfer.js';

/** `file list [/CONTAINER[/PREFIX]]`: containers, or the objects of one (every page). */
export const listCommand: Command = fileCommand({
  summary: 'List containers, or the objects of a container',
  usage: '[/CONTAINER[/PREFIX]] [-l] [--delimiter D] [--limit N] [--marker M] [--meta K[=V],…] [--shared] [--public] [--until SECONDS]',
  args: { min: 0, max: 1 },
  options: {
    detail: { type: 'boolean', short: 'l', description: 'every field of each item' },
    delimiter: { type: 'string', valueName: 'D', description: 'group names by this character (virtual directories)' },
    limit: { type: 'string', valueName: 'N', description: 'at most N items' },
    marker: { type: 'string', valueName: 'NAME', description: 'names after this one' },
    meta: { type: 'string', valueName: 'FILTER', description: 'meta filters: key, !key, key=value, key<value, …' },
    shared: { type: 'boolean', description: 'only shared objects' },
    public: { type: 'boolean', description: 'only public objects' },
    until: { type: 'string', valueName: 'SECONDS', description: 'as of this Unix time' },
  },
}, async (k, values, args) => {
  const detail = values.detail === true;
  if (args[0] === undefined || (args[0] === '/' )) {
    const client = await pithosFor(k, remotePath(k, undefined).container);
    const items = await client.listContainers().all();
    k.print(detail ? items : items.map((c) => c.name));
    return;
  }
  const { container, path } = remotePath(k, args[0]);
  const client = await pithosFor(k, container);
  const limit = values.limit === undefined ? undefined : nonNegativeInt(values.limit, '--limit');
  const paged = client.listObjects({
    ...(path !== undefined ? { prefix: path } : {}),
    ...(stringValue(values, 'delimiter') ? { delimiter: stringValue(values, 'delimiter')! } : {}),
    ...(stringValue(values, 'marker') ? { marker: stringValue(values, 'marker')! } : {}),
    ...(stringValue(values, 'meta') ? { meta: stringValue(values, 'meta')! } : {}),
    ...(values.shared === true ? { shared: true } : {}),
    ...(values.public === true ? { public: true } : {}),
    ...(values.until !== undefined ? { until: nonNegativeInt(values.until, '--until') } : {}),
  });
  const items: Array<Record<string, unknown>> = [];
  for await (const item of paged) {
    if (limit !== undefined && items.length >= limit) break;
    items.push(item);
  }
  k.print(detail ? items : items.map((i) => (i.subdir !== undefined ? i.subdir : i.name)));
});

/** `file info PATH`: object (or container) headers. */
export const infoCommand: Command = fileCommand({
  summary: 'Object (or container) information and metadata',
  usage: '</CONTAINER[/PATH] | PATH> [--version ID]',
  args: { min: 1, max: 1 },
  options: { version: { type: 'string', valueName: 'ID', description: 'an older version' } },
}, async (k, values, args) => {
  const { container, path } = remotePath(k, args[0]);
  const client = await pithosFor(k, container);
  k.print(path === undefined ? await client.getContainerInfo(container) : await client.getObjectInfo(path, stringValue(values, 'version') ? { version: stringValue(values, 'version')! } : {}));
});

/** `file mkdir PATH`: a directory marker object. */
export const mkdirCommand: Command = fileCommand({ summary: 'Create a directory (an application/directory object)', usage: '</CONTAINER/PATH | PATH>', args: { min: 1, max: 1 } }, async (k, _v, args) => {
  const { container, path } = objectPath(k, args[0], 'directory');
  k.print(await (await pithosFor(k, container)).createDirectory(path));
});

/** `file create PATH`: an empty object. */
export const createCommand: Command = fileCommand({
  summary: 'Create an empty object',
  usage: '</CONTAINER/PATH | PATH> [--content-type T]',
  args: { min: 1, max: 1 },
  options: { 'content-type': { type: 'string', valueName: 'TYPE', description: 'MIME type (default application/octet-stream)' } },
}, async (k, values, args) => {
  const { container, path } = objectPath(k, args[0]);
  k.print(await (await pithosFor(k, container)).createObject(path, stringValue(values, 'content-type') ?? 'application/octet-stream'));
});

function copyMove(move: boolean): Command {
  return fileCommand({
    summary: move ? 'Move an object (or a directory with -r)' : 'Copy an object (or a directory with -r)',
    usage: '<SOURCE> <DESTINATION> [-r] [--source-version ID] [--content-type T] [--public]',
    args: { min: 2, max: 2 },
    options: {
      recursive: { type: 'boolean', short: 'r', description: 'also every SOURCE/… object' },
      ...(move ? {} : { 'source-version': { type: 'string' as const, valueName: 'ID', description: 'copy an older version' } }),
      'content-type': { type: 'string', valueName: 'TYPE', description: 'MIME type of the destination' },
      public: { type: 'boolean', description: 'publish the destination' },
    },
  }, async (k, values, args) => {
    const src = objectPath(k, args[0], 'source');
    const dst = remotePath(k, args[1]);
    const client = await pithosFor(k, dst.container);
    const options = {
      ...(values.recursive === true ? { delimiter: '/' } : {}),
      ...(stringValue(values, 'source-version') ? { sourceVersion: stringValue(values, 'source-version')! } : {}),
      ...(stringValue(values, 'content-type') ? { contentType: stringValue(values, 'content-type')! } : {}),
      ...(values.public === true ? { public: true } : {}),
    };
    const target = dst.path ?? src.path;
    k.print(move ? await client.moveObject(src.container, src.path, dst.container, target, options) : await client.copyObject(src.container, src.path, dst.container, target, options));
  });
}

export const copyCommand = copyMove(false);
export const moveCommand = copyMove(true);

/** `file truncate PATH SIZE`. */
export const truncateCommand: Command = fileCommand({ summary: 'Truncate an object to SIZE bytes', usage: '</CONTAINER/PATH | PATH> <SIZE>', args: { min: 2, max: 2 } }, async (k, _v, args) => {
  const { container, path } = objectPath(k, args[0]);
  k.print(await (await pithosFor(k, container)).truncateObject(path, nonNegativeInt(args[1], 'SIZE')));
});

/** `file delete PATH | /CONTAINER`. */
export const deleteCommand: Command = fileCommand({
  summary: 'Delete an object, a directory (-r), or a container',
  usage: '</CONTAINER[/PATH] | PATH> [-r] [--until SECONDS]',
  details: 'A container is deleted when empty; with -r its objects are deleted first. --until purges history up to that time instead.',
  args: { min: 1, max: 1 },
  options: {
    recursive: { type: 'boolean', short: 'r', description: 'also every PATH/… object (of a container: all objects)' },
    until: { type: 'string', valueName: 'SECONDS', description: 'purge the history up to this Unix time' },
  },
}, async (k, values, args) => {
  const { container, path } = remotePath(k, args[0]);
  const client = await pithosFor(k, container);
  const until = values.until === undefined ? undefined : nonNegativeInt(values.until, '--until');
  if (path === undefined) {
    if (values.recursive === true) await client.delContainer({ delimiter: '/' });
    await client.delContainer(until !== undefined ? { until } : {});
  } else {
    await client.delObject(path, { ...(values.recursive === true ? { delimiter: '/' } : {}), ...(until !== undefined ? { until } : {}) });
  }
  k.print({ deleted: args[0] });
});

export const publishCommand: Command = fileCommand({ summary: 'Publish an object; prints its public URL', usage: '</CONTAINER/PATH | PATH>', args: { min: 1, max: 1 } }, async (k, _v, args) => {
  const { container, path } = objectPath(k, args[0]);
  k.print({ url: await (await pithosFor(k, container)).publishObject(path) });
});

export const unpublishCommand: Command = fileCommand({ summary: 'Unpublish an object', usage: '</CONTAINER/PATH | PATH>', args: { min: 1, max: 1 } }, async (k, _v, args) => {
  const { container, path } = objectPath(k, args[0]);
  await (await pithosFor(k, container)).unpublishObject(path);
  k.print({ unpublished: args[0] });
});

/** `file permissions get|set|delete PATH [read=…] [write=…]`. */
export const permissionsCommand: Command = fileCommand({
  summary: 'Sharing permissions of an object: get, set (replaces all), delete',
  usage: 'get <PATH> | set <PATH> [read=U1,U2] [write=U3] | delete <PATH>',
  args: { min: 2, max: 4 },
}, async (k, _v, args) => {
  const action = args[0];
  const { container, path } = objectPath(k, args[1]);
  const client = await pithosFor(k, container);
  if (action === 'get') return void k.print(await client.getObjectSharing(path));
  if (action === 'delete') {
    await client.delObjectSharing(path);
    return void k.print({});
  }
  if (action !== 'set') throw new UsageError('permissions takes get, set or delete');
  let read: string[] | undefined;
  let write: string[] | undefined;
  for (const a of args.slice(2)) {
    const m = /^(read|write)=(.*)$/.exec(a);
    if (!m) throw new UsageError(`expected read=… or write=…, got ${JSON.stringify(a)}`);
    if (m[1] === 'read') read = commaList(m[2]);
    else write = commaList(m[2]);
  }
  if (!read && !write) throw new UsageError('set needs read=… and/or write=…');
  await client.setObjectSharing(path, { ...(read ? { readPermission: read } : {}), ...(write ? { writePermission: write } : {}) });
  k.print(await client.getObjectSharing(path));
});

export const versionsCommand: Command = fileCommand({ summary: 'Versions of an object', usage: '</CONTAINER/PATH | PATH>', args: { min: 1, max: 1 } }, async (k, _v, args) => {
  const { container, path } = objectPath(k, args[0]);
  k.print((await (await pithosFor(k, container)).getObjectVersionlist(path)).map(([id, ts]) => ({ version: id, timestamp: ts })));
});

/** `file containerlimit get [/CONTAINER] | set LIMIT [/CONTAINER]`. */
export const containerlimitCommand: Command = fileCommand({
  summary: 'Container quota in bytes (0 = unlimited): get or set',
  usage: 'get [/CONTAINER] | set <BYTES> [/CONTAINER]',
  args: { min: 1, max: 3 },
}, async (k, _v, args) => {
  if (args[0] === 'get') {
    const { container } = remotePath(k, args[1]);
    return void k.print(await (await pithosFor(k, container)).getContainerLimit(container));
  }
  if (args[0] !== 'set') throw new UsageError('containerlimit takes get or set');
  const limit = nonNegativeInt(requireArg(args, 1, 'BYTES'), 'BYTES');
  const { container } = remotePath(k, args[2]);
  const client = await pithosFor(k, container);
  await client.setContainerLimit(limit);
  k.print(await client.getContainerLimit(container));
});

export const quotaCommand: Command = fileCommand({ summary: 'Account quota and usage', usage: '', args: { min: 0, max: 0 } }, async (k) => {
  const client = await pithosFor(k, remotePath(k, undefined).container);
  const info = await client.getAccountInfo();
  k.print({ ...(await client.getAccountQuota()), 'x-account-bytes-used': info['x-account-bytes-used'] });
});

/** `file group list | create NAME USER… | delete NAME`. */
export const groupCommand: Command = fileCommand({
  summary: 'Account groups (for sharing): list, create (replaces), delete',
  usage: 'list | create <NAME> <USER UUID>… | delete <NAME>',
  args: { min: 1, max: 64 },
}, async (k, _v, args) => {
  const client = await pithosFor(k, remotePath(k, undefined).container);
  const action = args[0];
  if (action === 'list') return void k.print(await client.getAccountGroup());
  const name = requireArg(args, 1, 'NAME');
  if (action === 'create') {
    if (args.length < 3) throw new UsageError('create needs at least one user');
    await client.setAccountGroup(name, args.slice(2));
  } else if (action === 'delete') await client.delAccountGroup(name);
  else throw new UsageError('group takes list, create or delete');
  k.print(await client.getAccountGroup());
});

export const sharersCommand: Command = fileCommand({ summary: 'Accounts sharing objects with you', usage: '', args: { min: 0, max: 0 } }, async (k) => {
  const client = await pithosFor(k, remotePath(k, undefined).container);
  k.print(await client.getSharingAccounts().all());
});
