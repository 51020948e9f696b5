import { SimError } from '../../app.js';
import { int, list, noContent, str } from '../input.js';
import type { createRouter, Req } from '../router.js';
import { iso, settle } from '../state.js';
import type { SimVolume, TritonState } from '../types.js';
import type { Timing } from './machines.js';
import { volumeView } from '../views.js';

type Router = ReturnType<typeof createRouter>;

/** A deleted volume, or one whose delete job is done. */
const gone = (v: SimVolume, now: number) => v.state === 'deleted' || (v.state === 'deleting' && now >= v.readyAt);

/** Brings the machines mounting a volume up to the clock (a destroyed one releases it). */
function settleRefs(state: TritonState, v: SimVolume, now: number): SimVolume {
  for (const id of [...v.refs]) {
    const m = state.machines.get(id);
    if (m) settle(m, now);
  }
  return v;
}
const SIZES = [10240, 20480, 30720, 40960, 51200, 61440, 71680, 81920, 92160, 102400, 204800, 307200, 409600, 512000, 614400, 716800, 819200, 921600, 1024000];
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const VOL = { minApi: '8.0.0' } as const;

/** NFS volumes (experimental in CloudAPI; mounted only when enabled). */
export function volumeRoutes({ route }: Router, { transitionMs }: Timing): void {
  const volumeOf = (r: Req) => {
    const v = r.ctx.state.volumes.get(r.params.volume!);
    if (!v || v.owner_uuid !== r.account.id || gone(v, r.now)) throw new SimError(404, 'VolumeNotFound', `Volume ${r.params.volume} not found`);
    return settleRefs(r.ctx.state, v, r.now);
  };
  // VOLAPI refuses to rename or delete a volume that instances mount.
  const notInUse = (v: SimVolume, what: string) => {
    if (v.refs.length > 0) throw new SimError(409, 'VolumeInUse', `Volume ${v.name} cannot be ${what}: it is used by instance${v.refs.length > 1 ? 's' : ''} ${v.refs.join(', ')}`);
  };
  route('GET', '/:login/volumes', 'ListVolumes', VOL, (r) => {
    const name = str(r.input, 'name');
    const re = name === undefined ? undefined : new RegExp(`^${name.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const vols = [...r.ctx.state.volumes.values()]
      .filter((v) => v.owner_uuid === r.account.id && !gone(v, r.now))
      .map((v) => volumeView(settleRefs(r.ctx.state, v, r.now), r.now))
      .filter((v) => (!re || re.test(String(v.name))) && (!str(r.input, 'state') || v.state === str(r.input, 'state')) && (!str(r.input, 'size') || v.size === Number(str(r.input, 'size'))) && (!str(r.input, 'type') || v.type === str(r.input, 'type')));
    const limit = 1000;
    const offset = int(r.input, 'offset') ?? 0;
    const page = vols.slice(offset, offset + limit);
    return r.c.json(page, 200, { 'x-query-limit': String(limit), 'x-resource-count': String(page.length) });
  });
  route('POST', '/:login/volumes', 'CreateVolume', VOL, (r) => {
    const name = str(r.input, 'name') ?? `volume-${r.ctx.random.hex(4)}`;
    if (!NAME.test(name) || name.length > 256) throw new SimError(409, 'InvalidArgument', `name ${name} is invalid`);
    if ([...r.ctx.state.volumes.values()].some((v) => v.owner_uuid === r.account.id && v.name === name && !gone(v, r.now))) {
      throw new SimError(409, 'VolumeAlreadyExists', `Volume with name ${name} already exists`);
    }
    const type = str(r.input, 'type') ?? 'tritonnfs';
    if (type !== 'tritonnfs') throw new SimError(409, 'InvalidArgument', `type ${type} is not supported`);
    const size = int(r.input, 'size', { min: 1 }) ?? SIZES[0]!;
    const fabric = [...r.ctx.state.networks.values()].find((n) => n.fabric && n.owner === r.account.id);
    const v: SimVolume = {
      id: r.ctx.random.uuid(), owner_uuid: r.account.id, name, type: 'tritonnfs', size: SIZES.find((s) => s >= size) ?? size,
      networks: list(r.input, 'networks') ?? (fabric ? [fabric.id] : []), refs: [], tags: (r.input.tags as Record<string, string>) ?? {},
      created: iso(r.now), state: 'creating', readyAt: r.now + transitionMs,
    };
    r.ctx.state.volumes.set(v.id, v);
    return r.c.json(volumeView(v, r.now), 201);
  });
  route('GET', '/:login/volumes/:volume', 'GetVolume', VOL, (r) => r.c.json(volumeView(volumeOf(r), r.now)));
  route('POST', '/:login/volumes/:volume', 'UpdateVolume', VOL, (r) => {
    const v = volumeOf(r);
    const name = str(r.input, 'name', true);
    if (!NAME.test(name)) throw new SimError(409, 'InvalidArgument', `name ${name} is invalid`);
    notInUse(v, 'renamed');
    v.name = name;
    return r.c.json(volumeView(v, r.now));
  });
  route('DELETE', '/:login/volumes/:volume', 'DeleteVolume', VOL, (r) => {
    const v = volumeOf(r);
    notInUse(v, 'deleted');
    // Deleting is a job: the volume shows `deleting`, then is gone (404 VolumeNotFound).
    v.state = 'deleting';
    v.readyAt = r.now + transitionMs;
    return noContent();
  });
  route('GET', '/:login/volumesizes', 'ListVolumeSizes', VOL, (r) => {
    const sizes = SIZES.map((size) => ({ size, type: 'tritonnfs' }));
    return r.c.json(sizes, 200, { 'x-query-limit': String(sizes.length), 'x-resource-count': String(sizes.length) });
  });
}
