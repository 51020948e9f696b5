import { fault } from './cyclades-http.js';
import type { ImageRecord } from './cyclades-records.js';
import type { CycladesState } from './cyclades-state.js';
import type { SynnefoSimUser } from './host.js';

/** Whether a user sees an image: their own, shared with them, or public (Plankton's rule). */
export function canSeeImage(image: ImageRecord, user: SynnefoSimUser): boolean {
  return !image.deleted && (image.isPublic || image.owner === user.uuid || image.members.has(user.uuid));
}

/** An image the user can see, or 404 `itemNotFound`. */
export function visibleImage(state: CycladesState, user: SynnefoSimUser, id: string): ImageRecord {
  const image = state.images.get(id);
  if (!image || !canSeeImage(image, user)) throw fault.itemNotFound(`Image ${id} not found`);
  return image;
}

/** An image the user owns (for changes), or 404 (403 when it is visible but someone else's). */
export function ownedImage(state: CycladesState, user: SynnefoSimUser, id: string): ImageRecord {
  const image = visibleImage(state, user, id);
  if (image.owner !== user.uuid) throw fault.forbidden(`Image ${id} does not belong to you`);
  return image;
}
