import { fault, isoTime } from '../cyclades-http.js';
import { pyQuote, pyUnquote } from '../cyclades-quote.js';
import type { ImageRecord } from '../cyclades-records.js';

const META = 'x-image-meta-';
const PROPERTY = 'x-image-meta-property-';
/** PLANKTON_FIELDS: the `x-image-meta-*` names Plankton reads (after normalisation). */
const FIELDS = new Set(['name', 'id', 'store', 'disk_format', 'container_format', 'size', 'checksum', 'is_public', 'owner', 'location', 'status', 'properties']);

/** Plankton's `normalize`: lower case, every punctuation character → `_`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '_');
}

/** Image parameters from request headers (`headers_to_image_params`). */
export function headersToParams(headers: Headers): { params: Record<string, string | boolean>; properties: Record<string, string>; unknown: string[] } {
  const params: Record<string, string | boolean> = {};
  const properties: Record<string, string> = {};
  const unknown: string[] = [];
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith(PROPERTY)) {
      properties[normalizeKey(pyUnquote(lower.slice(PROPERTY.length)))] = pyUnquote(value);
    } else if (lower.startsWith(META)) {
      const key = normalizeKey(lower.slice(META.length));
      if (!FIELDS.has(key)) {
        unknown.push(key);
        return;
      }
      params[key] = key === 'name' ? pyUnquote(value) : key === 'is_public' ? value.toLowerCase() === 'true' : value;
    }
  });
  return { params, properties, unknown };
}

export const DISK_FORMATS = ['diskdump', 'extdump', 'ntfsdump'];
export const CONTAINER_FORMATS = ['aki', 'ari', 'ami', 'bare', 'ovf'];

/** `validate_fields`. */
export function validateFields(params: Record<string, unknown>): void {
  if ('id' in params) throw fault.badRequest('Setting the image ID is not supported');
  if ('store' in params && params.store !== 'pithos') throw fault.badRequest(`Invalid store type '${String(params.store)}'`);
  if ('disk_format' in params && !DISK_FORMATS.includes(String(params.disk_format))) throw fault.badRequest(`Invalid disk format '${String(params.disk_format)}'`);
  if ('container_format' in params && !CONTAINER_FORMATS.includes(String(params.container_format))) {
    throw fault.badRequest(`Invalid container format '${String(params.container_format)}'`);
  }
}

export function planktonStatus(image: ImageRecord): string {
  return image.deleted ? 'DELETED' : image.status;
}

/** The image as Plankton lists it (`LIST_FIELDS` / `DETAIL_FIELDS`). */
export function imageDict(image: ImageRecord, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    status: planktonStatus(image), name: image.name, disk_format: image.diskFormat, container_format: image.containerFormat, size: image.size, id: image.id,
  };
  if (!detail) return out;
  return {
    ...out, checksum: image.checksum, location: image.location, created_at: isoTime(image.created), updated_at: isoTime(image.updated),
    deleted_at: image.deletedAt === null ? '' : isoTime(image.deletedAt), is_public: image.isPublic, owner: image.owner,
    properties: { ...image.properties }, is_snapshot: image.isSnapshot, description: image.description,
  };
}

/** `_create_image_response`: the image in response headers, name, description and properties quoted. */
export function imageHeaders(image: ImageRecord): Headers {
  const h = new Headers();
  const d = imageDict(image, true);
  for (const key of ['name', 'disk_format', 'container_format', 'size', 'checksum', 'location', 'created_at', 'updated_at', 'deleted_at', 'status', 'is_public', 'owner', 'id', 'is_snapshot', 'description']) {
    let value = d[key];
    if (typeof value === 'boolean') value = value ? 'True' : 'False';
    let text = String(value ?? '');
    if (key === 'name' || key === 'description') text = pyQuote(text);
    h.set(`${META}${key.replace(/_/g, '-')}`, text);
  }
  for (const [k, v] of Object.entries(image.properties)) h.set(pyQuote(`${PROPERTY}${k.replace(/_/g, '-')}`), pyQuote(v));
  return h;
}
