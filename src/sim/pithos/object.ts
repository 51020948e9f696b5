import { md5 } from '@noble/hashes/legacy.js';
import { encodeHex } from '../../crypto/encoding/hex.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import { accountOf, containerOf, deleteNode, findAccount, isOwner, splitSourcePath, writeVersion, type Ctx } from './context.js';
import { patchHashes, storeBody, versionData } from './data.js';
import { badRequest, forbidden, itemNotFound, lengthRequired, rangeNotSatisfiable, unprocessable } from './faults.js';
import { currentVersion, type Account, type Container, type ObjectNode, type ObjectVersion } from './model.js';
import { checkPreconditions, NotModified } from './preconditions.js';
import { multipartBytes, parseRange, rangesSatisfiable, versionBytes } from './ranges.js';
import { baseHeaders, objectHeaders } from './reply.js';
import { allowedTo, parseSharing } from './sharing.js';
import { epochDecimal, parseHttpDate } from './encoding.js';

const OCTET = 'application/octet-stream';

/** Whether the user may read (`read`) or change (`write`) this object of someone else's account. */
function requireAccess(ctx: Ctx, container: Container, name: string, level: 'read' | 'write'): void {
  if (isOwner(ctx)) return;
  const allowed = allowedTo(container, name, ctx.user.uuid, findAccount(ctx));
  if (!allowed || (level === 'write' && allowed.level !== 'write')) throw forbidden('Not allowed');
}

function contextContainer(ctx: Ctx): { account: Account; container: Container } {
  const account = accountOf(ctx);
  return { account, container: containerOf(ctx, ctx.req.container as string, account) };
}

/** The version a read addresses (`?version=<id>` or the current one), or a 404. */
function addressedVersion(ctx: Ctx, node: ObjectNode | undefined): ObjectVersion {
  const asked = ctx.req.query.get('version');
  if (asked !== null && asked !== 'list') {
    const v = node?.versions.find((x) => String(x.id) === asked && !x.deleted);
    if (!v) throw itemNotFound('Version does not exist');
    return v;
  }
  const v = currentVersion(node);
  if (!v) throw itemNotFound('Object does not exist');
  return v;
}

/** The objects a manifest (`<container>/<prefix>`) stands for, in name order. */
function manifestParts(ctx: Ctx, account: Account, manifest: string): ObjectVersion[] {
  const slash = manifest.indexOf('/');
  const c = account.containers.get(slash < 0 ? manifest : manifest.slice(0, slash));
  if (!c) return [];
  const prefix = slash < 0 ? '' : manifest.slice(slash + 1);
  return [...c.objects.values()]
    .filter((n) => n.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((n) => currentVersion(n))
    .filter((v): v is ObjectVersion => v !== undefined && !v.manifest);
}

/** HEAD and GET: data (ranges, multipart), hashmap, version list. */
export async function objectRead(ctx: Ctx): Promise<Response> {
  const { account, container } = contextContainer(ctx);
  const name = ctx.req.object as string;
  requireAccess(ctx, container, name, 'read');
  const node = container.objects.get(name);
  const head = ctx.req.method === 'HEAD';
  const store = ctx.state.blocks;

  if (!head && ctx.req.query.get('version') === 'list') {
    if (!currentVersion(node)) throw itemNotFound('Object does not exist');
    const versions = node!.versions.filter((v) => !v.deleted).map((v) => [v.id, epochDecimal(v.mtime)]);
    const h = baseHeaders();
    h.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify({ versions }), { status: 200, headers: h });
  }

  const v = addressedVersion(ctx, node);
  const parts = v.manifest && !ctx.req.flag('hashmap') ? manifestParts(ctx, account, v.manifest) : undefined;
  const size = parts ? parts.reduce((n, p) => n + p.bytes, 0) : v.bytes;
  const etag = parts ? encodeHex(md5(encodeUtf8(parts.map((p) => p.hash).join('')))) : undefined;
  const currentEtag = etag ?? (ctx.options.updateMd5 && v.checksum ? v.checksum : v.hash);
  try {
    checkPreconditions(ctx.req, v, currentEtag, false);
  } catch (e) {
    if (e instanceof NotModified) {
      const h = baseHeaders();
      if (e.etag) h.set('ETag', e.etag);
      return new Response(null, { status: 304, headers: h });
    }
    throw e;
  }
  const includeSharing = !ctx.req.query.has('version');
  const headers = objectHeaders(ctx, container, node!, v, { includeSharing, includeDisposition: !head, contentLength: size, ...(etag ? { etag } : {}) });

  if (ctx.req.flag('hashmap') && !head) {
    headers.delete('content-disposition');
    const body = JSON.stringify({ block_size: store.blockSize, block_hash: store.algorithm, bytes: v.bytes, hashes: v.hashes });
    headers.set('content-type', 'application/json; charset=utf-8');
    headers.set('content-length', String(encodeUtf8(body).length));
    return new Response(body, { status: 200, headers });
  }
  if (head) return new Response(null, { status: 200, headers });

  const read = (offset: number, length: number): ReadableStream<Uint8Array> =>
    parts ? concatParts(ctx, parts, offset, length) : versionBytes(store, v, store.blockSize, offset, length);
  let ranges = parseRange(ctx.req.header('range'), size);
  const ifRange = ctx.req.header('if-range');
  if (ranges && ifRange) {
    const date = parseHttpDate(ifRange);
    const fresh = date !== undefined ? Math.floor(v.mtime / 1000) <= Math.floor(date / 1000) : ifRange.replace(/^"|"$/g, '') === currentEtag;
    if (!fresh) ranges = undefined;
  }
  if (!ranges) return new Response(size === 0 ? null : read(0, size), { status: 200, headers });
  if (!rangesSatisfiable(ranges, size)) throw rangeNotSatisfiable();
  if (ranges.length === 1) {
    const [o, l] = ranges[0]!;
    headers.set('content-range', `bytes ${o}-${o + l - 1}/${size}`);
    headers.set('content-length', String(l));
    return new Response(read(o, l), { status: 206, headers });
  }
  const boundary = ctx.host.random.hex(16);
  headers.delete('content-length');
  const type = v.contentType;
  headers.set('content-type', `multipart/byteranges; boundary=${boundary}`);
  return new Response(multipartBytes(ranges, size, type, boundary, read), { status: 206, headers });
}

function concatParts(ctx: Ctx, parts: readonly ObjectVersion[], offset: number, length: number): ReadableStream<Uint8Array> {
  const store = ctx.state.blocks;
  const chunks: Array<() => ReadableStream<Uint8Array>> = [];
  let pos = 0;
  for (const p of parts) {
    const from = Math.max(offset, pos);
    const to = Math.min(offset + length, pos + p.bytes);
    const start = from - pos;
    if (to > from) chunks.push(() => versionBytes(store, p, store.blockSize, start, to - from));
    pos += p.bytes;
  }
  let current: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!current) {
          const next = chunks.shift();
          if (!next) {
            controller.close();
            return;
          }
          current = next().getReader();
        }
        const { value, done } = await current.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        current = undefined;
      }
    },
  });
}

/** Content-Type of a write: required (411), or taken from the source. */
function requiredContentType(ctx: Ctx): string {
  const type = ctx.req.header('content-type');
  if (type === undefined || type === '') throw lengthRequired('Missing Content-Type header');
  return type;
}

/** Content-Length when present must be an integer; absent is accepted (in-process requests carry none). */
function contentLength(ctx: Ctx): number | undefined {
  const v = ctx.request.headers.get('content-length');
  if (v === null) return undefined;
  if (!/^\d+$/.test(v)) throw lengthRequired();
  return Number(v);
}

/** `X-Object-Public` as the server reads it (S `get_public`). */
function publicFlag(ctx: Ctx): boolean | undefined {
  const v = ctx.req.header('x-object-public');
  if (v === undefined) return undefined;
  const l = v.trim().toLowerCase();
  if (l === 'true') return true;
  if (l === 'false' || l === '') return false;
  throw badRequest('Invalid X-Object-Public header');
}

function setPublic(ctx: Ctx, container: Container, node: ObjectNode, on: boolean): void {
  if (on && !node.publicToken) {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let token = '';
    for (let i = 0; i < 16; i++) token += alphabet[ctx.host.random.int(alphabet.length)];
    node.publicToken = token;
    ctx.state.publics.set(token, { account: ctx.req.account, container: container.name, name: node.name });
  } else if (!on && node.publicToken) {
    ctx.state.publics.delete(node.publicToken);
    node.publicToken = undefined;
  }
}

/** Sharing and publication of a write: owner only, applied when the header is present. */
function applySharingAndPublic(ctx: Ctx, container: Container, name: string): void {
  const sharingHeader = ctx.req.header('x-object-sharing');
  const pub = publicFlag(ctx);
  if (sharingHeader === undefined && pub === undefined) return;
  if (!isOwner(ctx)) throw forbidden('Only the owner may change sharing or publication');
  const node = container.objects.get(name);
  if (!node) return;
  if (sharingHeader !== undefined) node.sharing = parseSharing(sharingHeader);
  if (pub !== undefined) setPublic(ctx, container, node, pub);
}

/** Optional content headers of a write (Content-Encoding, Content-Disposition, X-Object-Manifest). */
function contentMeta(ctx: Ctx) {
  return {
    contentEncoding: ctx.req.header('content-encoding') || undefined,
    contentDisposition: ctx.req.header('content-disposition') || undefined,
    manifest: ctx.req.header('x-object-manifest') || undefined,
  };
}

function created(v: ObjectVersion, withEtag: boolean, etag?: string): Response {
  const h = baseHeaders();
  if (withEtag) h.set('ETag', etag ?? v.hash);
  h.set('X-Object-Version', String(v.id));
  h.set('content-type', 'text/plain; charset=utf-8');
  return new Response('', { status: 201, headers: h });
}

/** PUT: data, hashmap, copy (X-Copy-From), move (X-Move-From), manifest. */
export async function objectPut(ctx: Ctx): Promise<Response> {
  const copyFrom = ctx.req.header('x-copy-from');
  const moveFrom = ctx.req.header('x-move-from');
  if (copyFrom !== undefined || moveFrom !== undefined) {
    contentLength(ctx);
    const src = splitSourcePath((moveFrom ?? copyFrom) as string);
    return copyOrMove(ctx, { account: ctx.req.header('x-source-account') ?? ctx.req.account, ...src }, { account: ctx.req.account, container: ctx.req.container as string, object: ctx.req.object as string }, moveFrom !== undefined);
  }
  const { account, container } = contextContainer(ctx);
  const name = ctx.req.object as string;
  requireAccess(ctx, container, name, 'write');
  const type = requiredContentType(ctx);
  contentLength(ctx);
  const node = container.objects.get(name);
  const existing = currentVersion(node);
  checkPreconditions(ctx.req, existing, existing ? (ctx.options.updateMd5 && existing.checksum ? existing.checksum : existing.hash) : undefined, true);
  const meta = ctx.req.prefixed('x-object-meta-');
  const store = ctx.state.blocks;

  if (ctx.req.flag('hashmap')) {
    const text = await ctx.request.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest('Invalid data formatting');
    }
    const p = parsed as { bytes?: unknown; hashes?: unknown };
    if (!p || typeof p !== 'object' || !Number.isInteger(p.bytes) || (p.bytes as number) < 0 || !Array.isArray(p.hashes) || !p.hashes.every((h) => typeof h === 'string')) {
      throw badRequest('Invalid data formatting');
    }
    const bytes = p.bytes as number;
    const hashes = (p.hashes as string[]).map((h) => h.toLowerCase());
    if (hashes.some((h) => !/^[0-9a-f]+$/.test(h) || h.length % 2 !== 0)) throw badRequest('Invalid hash');
    const expected = bytes === 0 ? 0 : Math.ceil(bytes / store.blockSize);
    const consistent = bytes === 0 ? hashes.length === 0 || (hashes.length === 1 && hashes[0] === (await emptyHash(ctx))) : hashes.length === expected;
    if (!consistent) throw badRequest("object's size does not match the hashmap");
    const missing = store.missing(hashes);
    if (missing.length) {
      const h = baseHeaders();
      h.set('content-type', 'application/json; charset=UTF-8');
      return new Response(JSON.stringify(missing), { status: 409, headers: h });
    }
    const v = writeVersion(ctx, account, container, name, { bytes, hashes, contentType: type, meta, ...contentMeta(ctx) });
    applySharingAndPublic(ctx, container, name);
    return created(v, true, ctx.options.updateMd5 ? encodeHex(md5(versionData(store, v))) : undefined);
  }

  const etag = ctx.req.header('etag');
  const stored = await storeBody(store, ctx.request.body, { md5: etag !== undefined || ctx.options.updateMd5 });
  if (etag !== undefined && etag.replace(/^"|"$/g, '').toLowerCase() !== stored.md5) throw unprocessable('Object ETag does not match');
  const v = writeVersion(ctx, account, container, name, {
    bytes: stored.bytes, hashes: stored.hashes, contentType: type, meta, ...contentMeta(ctx),
    checksum: etag !== undefined || ctx.options.updateMd5 ? stored.md5 : '',
  });
  applySharingAndPublic(ctx, container, name);
  return created(v, true, ctx.options.updateMd5 ? stored.md5 : undefined);
}

async function emptyHash(ctx: Ctx): Promise<string> {
  return ctx.state.blocks.put(new Uint8Array(0));
}

interface Place {
  account: string;
  container: string;
  object: string;
}

/** COPY / MOVE (verbs or PUT with X-Copy-From / X-Move-From), with `?delimiter` for whole trees. */
async function copyOrMove(ctx: Ctx, src: Place, dst: Place, move: boolean): Promise<Response> {
  const srcAccount = accountOf(ctx, src.account);
  const srcContainer = containerOf(ctx, src.container, srcAccount);
  const dstAccount = accountOf(ctx, dst.account);
  const dstContainer = containerOf(ctx, dst.container, dstAccount);
  const asOwner = (account: string) => ({ ...ctx, req: { ...ctx.req, account } }) as Ctx;
  requireAccess(asOwner(src.account), srcContainer, src.object, move ? 'write' : 'read');
  requireAccess(asOwner(dst.account), dstContainer, dst.object, 'write');
  const srcNode = srcContainer.objects.get(src.object);
  const sourceVersion = move ? undefined : ctx.req.header('x-source-version');
  const v = sourceVersion !== undefined ? srcNode?.versions.find((x) => String(x.id) === sourceVersion && !x.deleted) : currentVersion(srcNode);
  if (!v) throw itemNotFound('Object does not exist');
  if (ctx.req.method === 'COPY' || ctx.req.method === 'MOVE') checkPreconditions(ctx.req, v, v.hash, true);

  const delimiter = ctx.req.query.get('delimiter');
  const pairs: Array<[ObjectNode, ObjectVersion, string]> = [[srcNode!, v, dst.object]];
  if (delimiter) {
    for (const node of srcContainer.objects.values()) {
      const cv = currentVersion(node);
      if (cv && node.name.startsWith(src.object + delimiter)) pairs.push([node, cv, dst.object + node.name.slice(src.object.length)]);
    }
  }
  const sentMeta = ctx.req.prefixed('x-object-meta-');
  const type = ctx.req.flag('ignore_content_type') ? undefined : ctx.req.header('content-type') || undefined;
  let first: ObjectVersion | undefined;
  for (const [node, version, target] of pairs) {
    if (move && srcContainer === dstContainer && node.name === target) continue;
    const meta: Record<string, string> = { ...version.meta };
    for (const [k, val] of Object.entries(sentMeta)) {
      if (val === '') delete meta[k];
      else meta[k] = val;
    }
    const written = writeVersion({ ...ctx, req: { ...ctx.req, account: dst.account } } as Ctx, dstAccount, dstContainer, target, {
      bytes: version.bytes, hashes: version.hashes, contentType: type ?? version.contentType, meta,
      contentEncoding: ctx.req.header('content-encoding') || version.contentEncoding,
      contentDisposition: ctx.req.header('content-disposition') || version.contentDisposition,
      manifest: version.manifest, checksum: version.checksum, uuid: move ? version.uuid : ctx.host.random.uuid(),
    });
    first ??= written;
    if (move) deleteNode(ctx, srcAccount, srcContainer, node);
  }
  if (!first) throw badRequest('Source and destination are the same');
  const dstCtx = { ...ctx, req: { ...ctx.req, account: dst.account, container: dst.container } } as Ctx;
  applySharingAndPublic(dstCtx, dstContainer, dst.object);
  return created(first, false);
}

/** COPY and MOVE verbs: `Destination: /<container>/<object>`, optional `Destination-Account`. */
export async function objectCopyVerb(ctx: Ctx, move: boolean): Promise<Response> {
  const destination = ctx.req.header('destination');
  if (!destination) throw badRequest('Missing Destination header');
  const d = splitSourcePath(destination);
  return copyOrMove(
    ctx,
    { account: ctx.req.account, container: ctx.req.container as string, object: ctx.req.object as string },
    { account: ctx.req.header('destination-account') ?? ctx.req.account, ...d },
    move,
  );
}

// Content-Range forms: `bytes a-b/*`, `bytes a-/*`, `bytes a-b/<total>`, and `bytes */*` (append).
function parseContentRange(text: string, size: number): { offset: number; upto?: number } {
  const m = /^bytes\s+(\*|(\d+)-(\d*))\/(\*|\d+)$/.exec(text.trim());
  if (!m) throw rangeNotSatisfiable('Invalid Content-Range');
  if (m[1] === '*') return { offset: size };
  const offset = Number(m[2]);
  const total = m[4] === '*' ? undefined : Number(m[4]);
  const upto = m[3] !== '' && m[3] !== undefined ? Number(m[3]) : undefined;
  if (upto !== undefined && upto < offset) throw rangeNotSatisfiable('Invalid Content-Range');
  if (total !== undefined && total !== size) throw rangeNotSatisfiable('Total size does not match');
  if (offset > size) throw rangeNotSatisfiable('Supplied offset is beyond object limits');
  return { offset, ...(upto !== undefined ? { upto } : {}) };
}

/** POST: metadata (202) or a data update (204). */
export async function objectPost(ctx: Ctx): Promise<Response> {
  const { account, container } = contextContainer(ctx);
  const name = ctx.req.object as string;
  const node = container.objects.get(name);
  const v = currentVersion(node);
  if (!v) throw itemNotFound('Object does not exist');
  checkPreconditions(ctx.req, v, ctx.options.updateMd5 && v.checksum ? v.checksum : v.hash, true);
  const type = ctx.request.headers.get('content-type');
  const sourceObject = ctx.req.header('x-source-object');
  const update = ctx.req.flag('update');

  if (type !== OCTET && sourceObject === undefined) {
    requireAccess(ctx, container, name, 'write');
    const sent = ctx.req.prefixed('x-object-meta-');
    const hasContentMeta = ['content-encoding', 'content-disposition', 'x-object-manifest'].some((h) => ctx.request.headers.has(h));
    const changes = update ? Object.keys(sent).length > 0 || hasContentMeta : true;
    let written: ObjectVersion | undefined;
    if (changes) {
      const meta: Record<string, string> = update ? { ...v.meta } : {};
      for (const [k, val] of Object.entries(sent)) {
        if (val === '') delete meta[k];
        else meta[k] = val;
      }
      const pick = (header: string, old: string | undefined) => {
        const sentValue = ctx.req.header(header);
        if (sentValue !== undefined) return sentValue || undefined;
        return update ? old : undefined;
      };
      written = writeVersion(ctx, account, container, name, {
        bytes: v.bytes, hashes: v.hashes, contentType: v.contentType, meta, checksum: v.checksum,
        contentEncoding: pick('content-encoding', v.contentEncoding),
        contentDisposition: pick('content-disposition', v.contentDisposition),
        manifest: pick('x-object-manifest', v.manifest),
      });
    }
    applySharingAndPublic(ctx, container, name);
    const h = baseHeaders();
    if (written) h.set('X-Object-Version', String(written.id));
    return new Response(null, { status: 202, headers: h });
  }

  requireAccess(ctx, container, name, 'write');
  const range = ctx.req.header('content-range');
  if (range === undefined) throw badRequest('Missing Content-Range header');
  const { offset, upto } = parseContentRange(range, v.bytes);
  let data: Uint8Array;
  if (sourceObject !== undefined) {
    const s = splitSourcePath(sourceObject);
    const sAccount = accountOf(ctx, ctx.req.header('x-source-account') ?? ctx.req.account);
    const sContainer = containerOf(ctx, s.container, sAccount);
    const sNode = sContainer.objects.get(s.object);
    const sv = ctx.req.header('x-source-version');
    const src = sv !== undefined ? sNode?.versions.find((x) => String(x.id) === sv && !x.deleted) : currentVersion(sNode);
    if (!src) throw itemNotFound('Source object does not exist');
    const all = versionData(ctx.state.blocks, src);
    data = upto === undefined ? all : all.subarray(0, Math.min(all.length, upto - offset + 1));
  } else {
    data = new Uint8Array(await ctx.request.arrayBuffer());
    const declared = contentLength(ctx);
    if (declared !== undefined && declared !== data.length) throw badRequest('Content length does not match');
    if (upto !== undefined && upto - offset + 1 !== data.length) throw badRequest('Content length does not match range length');
  }
  const truncateTo = ctx.req.header('x-object-bytes');
  let size = Math.max(v.bytes, offset + data.length);
  if (truncateTo !== undefined) {
    if (!/^\d+$/.test(truncateTo)) throw badRequest('Invalid X-Object-Bytes header');
    size = Number(truncateTo);
  }
  const hashes = await patchHashes(ctx.state.blocks, v, offset, data.subarray(0, Math.max(0, Math.min(data.length, size - offset))), size);
  const written = writeVersion(ctx, account, container, name, {
    bytes: size, hashes, contentType: v.contentType, meta: v.meta, contentEncoding: v.contentEncoding,
    contentDisposition: v.contentDisposition, manifest: v.manifest,
  });
  applySharingAndPublic(ctx, container, name);
  const h = baseHeaders();
  h.set('ETag', written.hash);
  h.set('X-Object-Version', String(written.id));
  return new Response(null, { status: 204, headers: h });
}

/** DELETE: the object (and `<name><delimiter>…` with `delimiter`), or its history up to `until`. */
export function objectDelete(ctx: Ctx): Response {
  const { account, container } = contextContainer(ctx);
  const name = ctx.req.object as string;
  requireAccess(ctx, container, name, 'write');
  const until = ctx.req.until();
  const node = container.objects.get(name);
  if (until !== undefined) {
    if (!node) throw itemNotFound('Object does not exist');
    const latest = node.versions.at(-1);
    node.versions = node.versions.filter((v) => v === latest || v.mtime > until);
    if (latest?.deleted && latest.mtime <= until) container.objects.delete(name);
    return new Response(null, { status: 204, headers: baseHeaders() });
  }
  if (!currentVersion(node)) throw itemNotFound('Object does not exist');
  deleteNode(ctx, account, container, node!);
  const delimiter = ctx.req.query.get('delimiter');
  if (delimiter) for (const n of container.objects.values()) if (n.name.startsWith(name + delimiter)) deleteNode(ctx, account, container, n);
  return new Response(null, { status: 204, headers: baseHeaders() });
}

