import type { Hono } from 'hono';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { attachVolume, detachVolume } from '../cyclades-ops.js';
import type { VolumeRecord } from '../cyclades-records.js';
import { begin } from '../cyclades-request.js';
import { ownedServer } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';
import { serverVolumes } from './views.js';

/** `volume_to_attachment`: the attachment id is the volume id. */
function attachmentView(volume: VolumeRecord): Record<string, unknown> {
  return { id: volume.id, volumeId: volume.id, serverId: volume.serverId, device: '' };
}

/** Volume attachments of a server (`/servers/{id}/os-volume_attachments`). */
export function attachmentRoutes(app: Hono, host: SynnefoSimHost): void {
  app.get('/servers/:id{[0-9]+}/os-volume_attachments', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    return reply({ volumeAttachments: serverVolumes(r.state, server).map(attachmentView) });
  });
  app.post('/servers/:id{[0-9]+}/os-volume_attachments', async (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const spec = attribute(await jsonBody(c), 'volumeAttachment', 'object');
    const volumeId = attribute<string | number>(spec, 'volumeId');
    if (server.deleted) throw fault.badRequest(`Server '${server.id}' has been deleted.`);
    if (server.status === 'BUILD') throw fault.buildInProgress(`Server '${server.id}' is being built.`);
    const volume = r.state.volumes.get(Number(volumeId));
    if (!volume || volume.deleted || volume.userId !== r.user.uuid) throw fault.itemNotFound(`Volume ${String(volumeId)} not found`);
    attachVolume(r.state, server, volume, r.now);
    server.updated = r.now;
    return reply({ volumeAttachment: attachmentView(volume) }, 202);
  });
  const one = (serverId: string, attachment: string, r: ReturnType<typeof begin>) => {
    const server = ownedServer(r.state, r.user, serverId);
    const volume = serverVolumes(r.state, server).find((v) => v.id === Number(attachment));
    if (!volume) throw fault.itemNotFound(`Volume attachment ${attachment} not found`);
    return { server, volume };
  };
  app.get('/servers/:id{[0-9]+}/os-volume_attachments/:att{[0-9]+}', (c) => {
    const r = begin(host, c);
    return reply({ volumeAttachment: attachmentView(one(c.req.param('id'), c.req.param('att'), r).volume) });
  });
  app.delete('/servers/:id{[0-9]+}/os-volume_attachments/:att{[0-9]+}', (c) => {
    const r = begin(host, c);
    const { server, volume } = one(c.req.param('id'), c.req.param('att'), r);
    detachVolume(r.state, volume, r.now);
    server.updated = r.now;
    return empty(202);
  });
}
