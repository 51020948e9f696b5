import { SimError } from '../../app.js';
import { bool, list, noContent, str } from '../input.js';
import type { createRouter, Req } from '../router.js';
import { findMachine, iso } from '../state.js';
import type { SimImage } from '../types.js';
import { imageView, legacyImageTypes, packageView } from '../views.js';
import type { Timing } from './machines.js';

type Router = ReturnType<typeof createRouter>;

function visibleImage(r: Req, id: string): SimImage {
  const img = r.ctx.state.images.get(id);
  if (!img || (!img.public && img.owner !== r.account.id && !(img.acl ?? []).includes(r.account.id))) {
    throw new SimError(404, 'ResourceNotFound', `Image ${id} does not exist`);
  }
  return img;
}

/** Images and packages. */
export function imageRoutes({ route }: Router, { transitionMs }: Timing): void {
  const view = (r: Req, img: SimImage) => imageView(img, r.now, r.range);
  route('GET', '/:login/images', 'ListImages', {}, (r) => {
    const f = (n: string) => str(r.input, n);
    const state = f('state') ?? 'active';
    const pub = bool(r.input, 'public');
    // Below API 8 the type filter takes smartmachine/virtualmachine (lib/datasets.js loadImages).
    let type = f('type');
    if (type !== undefined && legacyImageTypes(r.range)) {
      type = ({ smartmachine: 'zone-dataset', virtualmachine: 'zvol' } as Record<string, string>)[type];
      if (type === undefined) throw new SimError(409, 'InvalidArgument', `image type ${f('type')} is not a valid type`);
    }
    const images = [...r.ctx.state.images.values()]
      .filter((i) => i.public || i.owner === r.account.id || (i.acl ?? []).includes(r.account.id))
      .filter((i) => type === undefined || i.type === type)
      .map((i) => view(r, i))
      .filter((i) => {
        const name = f('name');
        if (name !== undefined && !(name.startsWith('~') ? String(i.name).includes(name.slice(1)) : i.name === name)) return false;
        for (const k of ['os', 'version', 'owner']) if (f(k) !== undefined && i[k] !== f(k)) return false;
        if (pub !== undefined && i.public !== pub) return false;
        return state === 'all' || i.state === state;
      });
    return r.c.json(images);
  });

  route('GET', '/:login/images/:image', 'GetImage', {}, (r) => r.c.json(view(r, visibleImage(r, r.params.image!))));

  route('DELETE', '/:login/images/:image', 'DeleteImage', {}, (r) => {
    const img = visibleImage(r, r.params.image!);
    if (img.owner !== r.account.id) throw new SimError(403, 'NotAuthorized', `You do not own image ${img.id}`);
    r.ctx.state.images.delete(img.id);
    return noContent();
  });

  route('POST', '/:login/images', 'CreateImageFromMachine', {}, (r) => {
    const id = r.ctx.random.uuid();
    const action = str(r.input, 'action');
    if (action === 'import-from-datacenter') {
      const dc = str(r.input, 'datacenter', true);
      if (!(dc in r.ctx.state.datacenters)) throw new SimError(404, 'ResourceNotFound', `datacenter ${dc} does not exist`);
      const source = visibleImage(r, str(r.input, 'id', true));
      const copy: SimImage = { ...source, id, owner: r.account.id, public: false, state: 'creating', readyAt: r.now + transitionMs };
      r.ctx.state.images.set(copy.id, copy);
      return r.c.json(view(r, copy), 201);
    }
    if (action !== undefined) throw new SimError(409, 'InvalidArgument', `${action} is not a valid action`);
    const machine = findMachine(r.ctx.state, r.account, str(r.input, 'machine', true), r.now);
    const origin = r.ctx.state.images.get(machine.image);
    const img: SimImage = {
      id, name: str(r.input, 'name', true), version: str(r.input, 'version', true), os: origin?.os ?? 'other', type: origin?.type ?? 'zone-dataset',
      owner: r.account.id, public: false, state: 'creating', readyAt: r.now + transitionMs, published_at: iso(r.now),
      tags: (r.input.tags as Record<string, unknown>) ?? {}, requirements: origin?.requirements ?? {}, files: [], origin: machine.image,
      ...(str(r.input, 'description') ? { description: str(r.input, 'description') } : {}),
      ...(str(r.input, 'homepage') ? { homepage: str(r.input, 'homepage') } : {}),
      ...(list(r.input, 'acl') ? { acl: list(r.input, 'acl') } : {}),
    };
    r.ctx.state.images.set(id, img);
    return r.c.json(view(r, img), 201, { location: `/${r.account.login}/images/${id}` });
  });

  route('POST', '/:login/images/:image', 'UpdateImage', {}, (r) => {
    const img = visibleImage(r, r.params.image!);
    const action = str(r.input, 'action');
    if (action === undefined) throw new SimError(409, 'MissingParameter', 'action is required');
    if (action === 'export') {
      const path = str(r.input, 'manta_path', true).replace(/\/+$/, '');
      return r.c.json({ manta_url: 'https://manta.sim.invalid', image_path: `${path}/${img.name}-${img.version}.zfs.gz`, manifest_path: `${path}/${img.name}-${img.version}.imgmanifest` });
    }
    if (action === 'clone') {
      const copy: SimImage = { ...img, id: r.ctx.random.uuid(), owner: r.account.id, public: false, acl: [] };
      r.ctx.state.images.set(copy.id, copy);
      return r.c.json(view(r, copy));
    }
    if (action !== 'update') throw new SimError(409, 'InvalidArgument', `${action} is not a valid action`);
    if (img.owner !== r.account.id) throw new SimError(403, 'NotAuthorized', `You do not own image ${img.id}`);
    for (const k of ['name', 'version', 'description', 'homepage', 'eula'] as const) {
      const v = str(r.input, k);
      if (v !== undefined) img[k] = v;
    }
    if (r.input.tags && typeof r.input.tags === 'object') img.tags = r.input.tags as Record<string, unknown>;
    const acl = list(r.input, 'acl');
    if (acl) img.acl = acl;
    return r.c.json(view(r, img));
  });

  route('GET', '/:login/packages', 'ListPackages', {}, (r) => {
    const pkgs = [...r.ctx.state.packages.values()].filter((p) =>
      Object.entries(r.input).every(([k, v]) => {
        if (!['name', 'memory', 'disk', 'swap', 'lwps', 'vcpus', 'version', 'group', 'flexible_disk'].includes(k)) return true;
        const have = String((p as unknown as Record<string, unknown>)[k] ?? '');
        const want = String(v);
        return want.includes('*') ? new RegExp(`^${want.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(have) : have === want;
      }),
    );
    return r.c.json(pkgs.map(packageView));
  });

  route('GET', '/:login/packages/:package', 'GetPackage', {}, (r) => {
    const id = r.params.package!;
    const p = r.ctx.state.packages.get(id) ?? [...r.ctx.state.packages.values()].find((x) => x.name === id);
    if (!p) throw new SimError(404, 'ResourceNotFound', `Package ${id} does not exist`);
    return r.c.json(packageView(p));
  });
}
