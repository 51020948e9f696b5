import type { CommandGroup } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { ImageClient } from '../../../synnefo/index.js';
import { stringValue } from './options.js';
import { arg, command, DETAIL, keyValues } from './cyclades-common.js';
import type { KamakiSession } from './session.js';

const images = (k: KamakiSession) => k.client(ImageClient);

/** kamaki's `image` group (Plankton). */
export const imageGroup: CommandGroup = {
  summary: 'Cyclades/Plankton API image commands',
  commands: {
    list: command({
      summary: 'List images you can use (yours, shared with you, public)',
      usage: '[-l] [--name NAME] [--disk-format F] [--container-format F] [--status S] [--order [-]KEY]',
      options: {
        ...DETAIL,
        name: { type: 'string', valueName: 'NAME', description: 'only images with this name' },
        'disk-format': { type: 'string', valueName: 'FORMAT', description: 'diskdump, extdump or ntfsdump' },
        'container-format': { type: 'string', valueName: 'FORMAT', description: 'bare, ovf, aki, ari or ami' },
        status: { type: 'string', valueName: 'STATUS', description: 'AVAILABLE, SAVING, ERROR' },
        order: { type: 'string', valueName: '[-]KEY', description: 'sort by id, name, status, size, disk_format, container_format, created_at or updated_at (- descending)' },
      },
    }, async (k, values) => {
      const filters: Record<string, string | undefined> = {
        name: stringValue(values, 'name'), disk_format: stringValue(values, 'disk-format'), container_format: stringValue(values, 'container-format'), status: stringValue(values, 'status'),
      };
      k.print(await (await images(k)).listPublic(values.detail === true, filters, stringValue(values, 'order') ?? ''));
    }),
    info: command({ summary: 'Metadata of an image', usage: '<image id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await images(k)).getMeta(arg(args, 0)))),
    register: command({
      summary: 'Register a Pithos object as an image',
      usage: '--name NAME --location pithos://UUID/CONTAINER/PATH [--public] [--disk-format F] [--property KEY=VALUE]…',
      options: {
        name: { type: 'string', valueName: 'NAME', description: 'image name' },
        location: { type: 'string', valueName: 'URL', description: 'pithos://<account uuid>/<container>/<object path> (upload it first with file upload)' },
        public: { type: 'boolean', description: 'everyone may use it' },
        'disk-format': { type: 'string', valueName: 'FORMAT', description: 'diskdump (default), extdump or ntfsdump' },
        'container-format': { type: 'string', valueName: 'FORMAT', description: 'bare (default), ovf, aki, ari or ami' },
        property: { type: 'string', valueName: 'KEY=VALUE', multiple: true, description: 'image property such as OS=debian, USERS=root (repeatable)' },
      },
    }, async (k, values) => {
      const diskFormat = stringValue(values, 'disk-format');
      const containerFormat = stringValue(values, 'container-format');
      k.print(await (await images(k)).register(required(values, 'name'), required(values, 'location'), {
        ...(diskFormat ? { diskFormat } : {}), ...(containerFormat ? { containerFormat } : {}), isPublic: values.public === true,
      }, keyValues(values, 'property') ?? {}));
    }),
    unregister: command({ summary: 'Unregister an image (the Pithos object stays)', usage: '<image id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await images(k)).unregister(arg(args, 0)))),
    members: command({ summary: 'Who an image is shared with: list, add USER…, delete USER…, set USER…', usage: 'list|add|delete|set <image id> [USER UUID…]', args: { min: 2, max: 256 } }, async (k, _v, args) => {
      const img = await images(k);
      const [action, id, ...users] = args as [string, string, ...string[]];
      if (action === 'add') for (const u of users) await img.addMember(id, u);
      else if (action === 'delete') for (const u of users) await img.removeMember(id, u);
      else if (action === 'set') await img.setMembers(id, users);
      else if (action !== 'list') throw new UsageError('image members takes list, add, delete or set');
      k.print(await img.listMembers(id));
    }),
    shared: command({ summary: 'Your images a user can use', usage: '<user uuid>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await images(k)).listShared(arg(args, 0)))),
  },
};

function required(values: Readonly<Record<string, unknown>>, name: string): string {
  const v = stringValue(values, name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}
