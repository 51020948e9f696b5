import type { Image, ImageFilters, Package } from '../../../triton/index.js';
import { UsageError } from '../../usage-error.js';
import { pairs, str, typedPairs } from './args.js';
import { flag, list, one, some, value, WAIT, YES, type Branch } from './tree.js';

const short = (id: string) => id.slice(0, 8);
const imageColumns: [string, (i: Image) => unknown][] = [
  ['SHORTID', (i) => short(i.id)],
  ['NAME', (i) => i.name],
  ['VERSION', (i) => i.version],
  ['FLAGS', (i) => `${i.public ? 'P' : ''}${i.state !== 'active' ? 'X' : ''}` || '-'],
  ['OS', (i) => i.os],
  ['TYPE', (i) => i.type],
  ['PUBDATE', (i) => String(i.published_at ?? '').slice(0, 10)],
];

const IMAGE_FILTERS = ['name', 'os', 'version', 'public', 'state', 'owner', 'type'];

export const imageBranch: Branch = {
  summary: 'images: list, get, create from an instance, update, share, clone, copy, export, delete, wait',
  aliases: { ls: 'list', rm: 'delete', cp: 'copy' },
  children: {
    list: {
      summary: 'list images; filters as FIELD=VALUE (name, os, version, public, state, owner, type)',
      usage: '[FIELD=VALUE …]',
      options: [flag('all', 'include images in every state (state=all)', 'a')],
      args: { min: 0, max: Infinity },
      async run({ s, opts, args }) {
        const f = pairs(args, 'FIELD=VALUE');
        for (const k of Object.keys(f)) if (!IMAGE_FILTERS.includes(k)) throw new UsageError(`unknown image filter ${JSON.stringify(k)}; one of ${IMAGE_FILTERS.join(', ')}`);
        const filters = { ...f, ...(opts.all === true ? { state: 'all' } : {}) } as unknown as ImageFilters;
        s.printList(await (await s.dc()).listImages(filters), imageColumns);
      },
    },
    get: {
      summary: 'one image by name, name@version, short id or UUID',
      usage: 'IMAGE',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).image(args[0]!));
      },
    },
    create: {
      summary: 'create an image from an instance (CreateImageFromMachine); -w waits until it is active',
      usage: 'INST NAME VERSION',
      options: [
        value('description', 'TEXT', 'image description', 'd'),
        value('homepage', 'URL', 'image homepage'),
        value('eula', 'URL', 'image EULA'),
        list('acl', 'ACCOUNT', 'account UUID allowed to use the image (repeat for more)'),
        list('tag', 'KEY=VALUE', 'image tag (repeat for more)', 't'),
        ...WAIT,
      ],
      args: { min: 3, max: 3 },
      async run({ s, opts, args }) {
        const id = await (await s.resolve()).instanceId(args[0]!);
        const tags = typedPairs(Array.isArray(opts.tag) ? opts.tag : []);
        const img = await (await s.writer()).createImageFromMachine({
          machine: id, name: args[1]!, version: args[2]!,
          ...(str(opts.description) ? { description: str(opts.description)! } : {}),
          ...(str(opts.homepage) ? { homepage: str(opts.homepage)! } : {}),
          ...(str(opts.eula) ? { eula: str(opts.eula)! } : {}),
          ...(Array.isArray(opts.acl) ? { acl: opts.acl } : {}),
          ...(Object.keys(tags).length ? { tags } : {}),
        } as never);
        if (s.dry(img)) return;
        s.print(opts.wait === true ? await (await s.dc()).waitForImage(img.id, 'active', s.waitOptions<Image | undefined>((p) => `waiting for image ${img.name}@${img.version}: ${p.value?.state ?? '?'}`)) : img);
      },
    },
    update: {
      summary: 'update an image (FIELD=VALUE: name, version, description, homepage, eula)',
      usage: 'IMAGE FIELD=VALUE [FIELD=VALUE …]',
      args: { min: 2, max: Infinity },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const fields = pairs(args.slice(1), 'FIELD=VALUE');
        for (const k of Object.keys(fields)) if (!['name', 'version', 'description', 'homepage', 'eula'].includes(k)) throw new UsageError(`image field ${JSON.stringify(k)} cannot be updated here (name, version, description, homepage, eula)`);
        const out = await (await s.writer()).updateImage(img.id, fields);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    tag: {
      summary: 'replace the tags of an image',
      usage: 'IMAGE KEY=VALUE [KEY=VALUE …]',
      args: { min: 2, max: Infinity },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).updateImage(img.id, { tags: typedPairs(args.slice(1)) } as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    share: {
      summary: 'share an image with another account (add it to the ACL)',
      usage: 'IMAGE ACCOUNT',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).updateImage(img.id, { acl: [...new Set([...(img.acl ?? []), args[1]!])] } as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    unshare: {
      summary: 'stop sharing an image with an account',
      usage: 'IMAGE ACCOUNT',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).updateImage(img.id, { acl: (img.acl ?? []).filter((a) => a !== args[1]) } as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    clone: {
      summary: 'clone an image shared with this account into a private copy',
      usage: 'IMAGE',
      args: one,
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).cloneImage(img.id);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    copy: {
      summary: 'copy an image from another datacenter into this one (ImportImageFromDatacenter)',
      usage: 'IMAGE DATACENTER',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).importImageFromDatacenter(args[1]!, img.id);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    export: {
      summary: 'export an image to a Manta path',
      usage: 'IMAGE MANTA_PATH',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const img = await (await s.resolve()).image(args[0]!);
        const out = await (await s.writer()).exportImage(img.id, args[1]!);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    delete: {
      summary: 'delete images',
      usage: 'IMAGE [IMAGE …]',
      options: YES,
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const img = await r.image(ref);
          if (s.dry(await (await s.writer()).deleteImage(img.id))) continue;
          s.print({ id: img.id, name: img.name, action: 'delete' });
        }
      },
    },
    wait: {
      summary: 'wait until images are in a state (default active)',
      usage: 'IMAGE [IMAGE …]',
      options: [value('state', 'STATE', 'state to wait for (default active)', 's')],
      args: some,
      async run({ s, opts, args }) {
        const r = await s.resolve();
        const state = str(opts.state) ?? 'active';
        for (const ref of args) {
          const img = await r.image(ref);
          s.print(await (await s.dc()).waitForImage(img.id, state, s.waitOptions<Image | undefined>((p) => `waiting for image ${img.name}@${img.version} to be ${state}: ${p.value?.state ?? 'gone'}`)));
        }
      },
    },
  },
};

const packageColumns: [string, (p: Package) => unknown][] = [
  ['SHORTID', (p) => short(p.id)],
  ['NAME', (p) => p.name],
  ['MEMORY', (p) => p.memory],
  ['SWAP', (p) => p.swap],
  ['DISK', (p) => p.disk],
  ['VCPUS', (p) => p.vcpus],
];

export const packageBranch: Branch = {
  summary: 'packages (instance sizes): list, get',
  aliases: { ls: 'list' },
  children: {
    list: {
      summary: 'list packages; filters as FIELD=VALUE (name, memory, disk, swap, lwps, vcpus, version, group)',
      usage: '[FIELD=VALUE …]',
      args: { min: 0, max: Infinity },
      async run({ s, args }) {
        s.printList(await (await s.dc()).listPackages(pairs(args, 'FIELD=VALUE') as never), packageColumns);
      },
    },
    get: {
      summary: 'one package by name, short id or UUID',
      usage: 'PACKAGE',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).package(args[0]!));
      },
    },
  },
};
