import type { CommandGroup } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { CycladesBlockStorageClient } from '../../../synnefo/index.js';
import { stringValue } from './options.js';
import { arg, command, DETAIL, integer, PROJECT, required, WAIT, waitOptions } from './cyclades-common.js';
import type { KamakiSession } from './session.js';

const volumes = (k: KamakiSession) => k.client(CycladesBlockStorageClient);

/** kamaki's `volume` group. */
export const volumeGroup: CommandGroup = {
  summary: 'Block Storage API volume commands',
  commands: {
    list: command({ summary: 'List volumes', usage: '[-l]', options: DETAIL }, async (k, values) => k.print(await (await volumes(k)).listVolumes(values.detail === true))),
    info: command({ summary: 'Details of a volume', usage: '<volume id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await volumes(k)).getVolumeDetails(arg(args, 0)))),
    create: command({
      summary: 'Create a volume',
      usage: '--size GB --name NAME [--server-id ID | --volume-type ID] [--snapshot-id ID] [--image-id ID] [--description TEXT] [--project-id ID] [--wait]',
      options: {
        size: { type: 'string', valueName: 'GB', description: 'size in GB' },
        name: { type: 'string', valueName: 'NAME', description: 'display name (required by Cyclades)' },
        'server-id': { type: 'string', valueName: 'ID', description: 'create it attached to this server' },
        'volume-type': { type: 'string', valueName: 'ID', description: 'volume type (a detachable one without --server-id)' },
        'snapshot-id': { type: 'string', valueName: 'ID', description: 'from a snapshot' },
        'image-id': { type: 'string', valueName: 'ID', description: 'from an image' },
        description: { type: 'string', valueName: 'TEXT', description: 'display description' },
        ...PROJECT,
        ...WAIT,
      },
    }, async (k, values) => {
      const v = await volumes(k);
      const size = integer(values, 'size');
      if (size === undefined) throw new UsageError('--size is required');
      const opt = (name: string) => stringValue(values, name);
      const created = await v.createVolume(size, required(values, 'name'), {
        ...(opt('server-id') ? { serverId: opt('server-id')! } : {}), ...(opt('volume-type') ? { volumeType: opt('volume-type')! } : {}),
        ...(opt('snapshot-id') ? { snapshotId: opt('snapshot-id')! } : {}), ...(opt('image-id') ? { imageRef: opt('image-id')! } : {}),
        ...(opt('description') ? { displayDescription: opt('description')! } : {}), ...(opt('project-id') ? { project: opt('project-id')! } : {}),
      });
      if (values.wait === true && !k.dryRun) k.print(await v.waitVolumeWhile(created.id, 'creating', waitOptions(k, values, `volume ${created.id}`)));
      else k.print(created);
    }),
    delete: command({ summary: 'Delete a volume', usage: '<volume id> [--wait]', args: { min: 1, max: 1 }, options: WAIT }, async (k, values, args) => {
      const v = await volumes(k);
      const id = arg(args, 0);
      const r = await v.deleteVolume(id);
      if (values.wait === true && !k.dryRun) {
        await v.waitVolumeWhile(id, 'deleting', waitOptions(k, values, `volume ${id}`)).catch((e: { status?: number }) => {
          if (e?.status !== 404) throw e;
        });
      }
      k.print(r);
    }),
    wait: command({
      summary: 'Wait while a volume is in a status (or until it reaches one)',
      usage: '<volume id> [--status STATUS | --until STATUS] [--timeout DURATION]',
      args: { min: 1, max: 1 },
      options: { status: { type: 'string', valueName: 'STATUS', description: 'wait while in this status (default creating)' }, until: { type: 'string', valueName: 'STATUS', description: 'wait until this status (e.g. in_use)' }, timeout: WAIT.timeout! },
    }, async (k, values, args) => {
      const v = await volumes(k);
      const id = arg(args, 0);
      const until = stringValue(values, 'until');
      const opts = waitOptions(k, values, `volume ${id}`);
      k.print(until ? await v.waitVolumeUntil(id, until.toLowerCase(), opts) : await v.waitVolumeWhile(id, (stringValue(values, 'status') ?? 'creating').toLowerCase(), opts));
    }),
    rename: command({ summary: 'Rename a volume', usage: '<volume id> <new name>', args: { min: 2, max: 2 } }, async (k, _v, args) => k.print(await (await volumes(k)).updateVolume(arg(args, 0), { displayName: arg(args, 1) }))),
    reassign: command({ summary: 'Charge a volume to another project', usage: '<volume id> --project-id ID', args: { min: 1, max: 1 }, options: PROJECT }, async (k, values, args) => k.print(await (await volumes(k)).reassignVolume(arg(args, 0), required(values, 'project-id')))),
    types: command({ summary: 'List volume types', usage: '' }, async (k) => k.print(await (await volumes(k)).listVolumeTypes())),
  },
};

/** kamaki's `snapshot` group. */
export const snapshotGroup: CommandGroup = {
  summary: 'Block Storage API snapshot commands',
  commands: {
    list: command({ summary: 'List snapshots', usage: '[-l]', options: DETAIL }, async (k, values) => k.print(await (await volumes(k)).listSnapshots(values.detail === true))),
    info: command({ summary: 'Details of a snapshot', usage: '<snapshot id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await volumes(k)).getSnapshotDetails(arg(args, 0)))),
    create: command({
      summary: 'Snapshot a volume',
      usage: '--volume-id ID [--name NAME] [--description TEXT] [--wait]',
      options: { 'volume-id': { type: 'string', valueName: 'ID', description: 'the volume' }, name: { type: 'string', valueName: 'NAME', description: 'display name' }, description: { type: 'string', valueName: 'TEXT', description: 'display description' }, ...WAIT },
    }, async (k, values) => {
      const v = await volumes(k);
      const name = stringValue(values, 'name');
      const description = stringValue(values, 'description');
      const snap = await v.createSnapshot(required(values, 'volume-id'), { ...(name ? { displayName: name } : {}), ...(description ? { displayDescription: description } : {}) });
      if (values.wait === true && !k.dryRun) k.print(await waitSnapshot(k, v, values, snap.id));
      else k.print(snap);
    }),
    delete: command({ summary: 'Delete a snapshot', usage: '<snapshot id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await volumes(k)).deleteSnapshot(arg(args, 0)))),
    rename: command({ summary: 'Rename a snapshot', usage: '<snapshot id> <new name>', args: { min: 2, max: 2 } }, async (k, _v, args) => k.print(await (await volumes(k)).updateSnapshot(arg(args, 0), { displayName: arg(args, 1) }))),
    wait: command({ summary: 'Wait until a snapshot is AVAILABLE, reporting progress', usage: '<snapshot id> [--timeout DURATION]', args: { min: 1, max: 1 }, options: { timeout: WAIT.timeout! } }, async (k, values, args) => {
      k.print(await waitSnapshot(k, await volumes(k), values, arg(args, 0)));
    }),
  },
};

/** Polls a snapshot until it leaves CREATING (the library has no snapshot waiter: kamaki has none). */
async function waitSnapshot(k: KamakiSession, v: CycladesBlockStorageClient, values: Readonly<Record<string, unknown>>, id: string) {
  const { timeout, onProgress } = waitOptions(k, values, `snapshot ${id}`);
  const started = Date.now();
  for (;;) {
    const snap = await v.getSnapshotDetails(id);
    const progress = snap['os-extended-snapshot-attribute:progress'];
    onProgress({ elapsedMs: Date.now() - started, value: { status: snap.status, ...(typeof progress === 'string' ? { progress: Number.parseInt(progress, 10) } : {}) } });
    if (snap.status !== 'CREATING') return snap;
    if (Date.now() - started + 1000 > timeout) throw new Error(`snapshot ${id} is still CREATING after ${Math.round(timeout / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
