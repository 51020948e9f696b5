import { isoTime } from '../cyclades-http.js';
import type { SnapshotRecord, VolumeRecord, VolumeTypeRecord } from '../cyclades-records.js';
import { links } from '../cyclades-request.js';
import type { CycladesState } from '../cyclades-state.js';

/** Block storage renderings: lower-case volume statuses, upper-case snapshot statuses. */

export function volumeView(state: CycladesState, v: VolumeRecord, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: String(v.id), display_name: v.name, links: links(state.host.serviceUrl('volume'), `volumes/${v.id}`) };
  if (!detail) return out;
  return {
    ...out, size: v.size, display_description: v.description, created_at: isoTime(v.created), updated_at: isoTime(v.updated), metadata: { ...v.metadata },
    snapshot_id: v.snapshotId, source_volid: v.sourceVolid, image_id: v.imageId,
    attachments: v.serverId === null ? [] : [{ server_id: String(v.serverId), volume_id: String(v.id), device_index: v.deviceIndex }],
    volume_type: String(v.typeId), status: v.status, deleted: v.deleted, delete_on_termination: v.deleteOnTermination,
    user_id: v.userId, tenant_id: v.project, shared_to_project: v.sharedToProject,
  };
}

export function snapshotView(state: CycladesState, s: SnapshotRecord, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, display_name: s.name, links: links(state.host.serviceUrl('volume'), `snapshots/${s.id}`) };
  if (!detail) return out;
  return {
    ...out, size: s.size, display_description: s.description, user_id: s.userId, tenant_id: s.project, status: s.deleted ? 'DELETED' : s.status,
    'os-extended-snapshot-attribute:progress': s.status === 'AVAILABLE' ? '100%' : 0, created_at: isoTime(s.created), metadata: { ...s.metadata },
    volume_id: String(s.volumeId),
  };
}

export function volumeTypeView(t: VolumeTypeRecord): Record<string, unknown> {
  return { id: t.id, name: t.name, deleted: t.deleted, 'SNF:disk_template': t.diskTemplate, 'SNF:detachable': t.detachable };
}
