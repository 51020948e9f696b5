import type { SynnefoSimHost, SynnefoSimUser } from '../synnefo/host.js';
import { SynnefoFault } from '../synnefo/host.js';
import { badRequest, forbidden, itemNotFound, tooLarge } from './faults.js';
import { containerBytes, type Account, type Container, type ObjectNode, type ObjectVersion, type PithosState } from './model.js';
import type { PithosRequest } from './request.js';
import { merkleRootHex } from '../../crypto/merkle/merkle.js';

/** Everything one request's handler needs. */
export interface Ctx {
  readonly host: SynnefoSimHost;
  readonly state: PithosState;
  readonly req: PithosRequest;
  readonly request: Request;
  /** The authenticated user (undefined only for public and login requests). */
  readonly user: SynnefoSimUser;
  /** `http://host[:port]/object-store/v1`, as the request reached us (for public URLs). */
  readonly base: string;
  /** Settings of this store. */
  readonly options: PithosServiceSettings;
}

export interface PithosServiceSettings {
  /** Answer with the MD5 as ETag (PITHOS_UPDATE_MD5); default false: the Merkle hash. */
  readonly updateMd5: boolean;
  /** Containers every new account starts with. */
  readonly defaultContainers: readonly string[];
}

export const now = (ctx: Ctx) => ctx.host.clock.now();
export const isOwner = (ctx: Ctx) => ctx.user.uuid === ctx.req.account;

/** The request's account; the owner's is created on first use (Pithos accounts exist with their users). */
export function accountOf(ctx: Ctx, uuid = ctx.req.account): Account {
  let account = ctx.state.accounts.get(uuid);
  if (account) return account;
  if (uuid !== ctx.user.uuid && !ctx.host.findUser(uuid)) throw itemNotFound('Account does not exist');
  const t = now(ctx);
  account = { uuid, meta: {}, groups: new Map(), containers: new Map(), mtime: t };
  // Synnefo accounts start with the containers its clients expect (kamaki's default is `pithos`).
  for (const name of ctx.options.defaultContainers) {
    account.containers.set(name, { name, ctime: t, mtime: t, meta: {}, policy: { quota: 0, versioning: 'auto', project: undefined }, objects: new Map() });
  }
  ctx.state.accounts.set(uuid, account);
  return account;
}

export function findAccount(ctx: Ctx): (uuid: string) => Account | undefined {
  return (uuid) => ctx.state.accounts.get(uuid);
}

export function containerOf(ctx: Ctx, name = ctx.req.container as string, account = accountOf(ctx)): Container {
  const c = account.containers.get(name);
  if (!c) throw itemNotFound('Container does not exist');
  return c;
}

export function nextVersion(state: PithosState): number {
  return ++state.lastVersion;
}

/** What a write puts in a new version besides the bookkeeping fields. */
export interface VersionContent {
  bytes: number;
  hashes: readonly string[];
  contentType: string;
  meta: Readonly<Record<string, string>>;
  contentEncoding?: string | undefined;
  contentDisposition?: string | undefined;
  manifest?: string | undefined;
  checksum?: string | undefined;
  uuid?: string | undefined;
}

/**
 * Appends a version to `name` (creating the node), after the quota checks: the container's
 * policy quota, then the owner's `pithos.diskspace` through Astakos. Versioning `none` keeps only
 * the new version. Returns the version written.
 */
export function writeVersion(ctx: Ctx, account: Account, container: Container, name: string, content: VersionContent): ObjectVersion {
  const node: ObjectNode = container.objects.get(name) ?? { name, versions: [], sharing: undefined, publicToken: undefined };
  const previous = node.versions.at(-1);
  const oldBytes = previous && !previous.deleted ? previous.bytes : 0;
  const delta = content.bytes - oldBytes;
  if (delta > 0 && container.policy.quota > 0 && containerBytes(container) + delta > container.policy.quota) {
    throw tooLarge('Quota error: container quota exceeded');
  }
  chargeSpace(ctx, account, delta);
  const hashes = content.bytes === 0 ? [merkleRootHex([], ctx.state.blocks.algorithm)] : [...content.hashes];
  const version: ObjectVersion = {
    id: nextVersion(ctx.state),
    uuid: content.uuid ?? (previous ? previous.uuid : ctx.host.random.uuid()),
    bytes: content.bytes,
    hashes,
    hash: merkleRootHex(hashes, ctx.state.blocks.algorithm),
    checksum: content.checksum ?? '',
    contentType: content.contentType,
    meta: { ...content.meta },
    contentEncoding: content.contentEncoding,
    contentDisposition: content.contentDisposition,
    manifest: content.manifest,
    mtime: now(ctx),
    modifiedBy: ctx.user.uuid,
    deleted: false,
  };
  node.versions = container.policy.versioning === 'none' ? [version] : [...node.versions, version];
  container.objects.set(name, node);
  container.mtime = version.mtime;
  return version;
}

/** Marks an object deleted (history kept unless versioning is `none`), clearing sharing and publication. */
export function deleteNode(ctx: Ctx, account: Account, container: Container, node: ObjectNode): void {
  const current = node.versions.at(-1);
  if (!current || current.deleted) return;
  chargeSpace(ctx, account, -current.bytes);
  const marker: ObjectVersion = { ...current, id: nextVersion(ctx.state), mtime: now(ctx), modifiedBy: ctx.user.uuid, deleted: true };
  node.versions = container.policy.versioning === 'none' ? [marker] : [...node.versions, marker];
  node.sharing = undefined;
  if (node.publicToken) ctx.state.publics.delete(node.publicToken);
  node.publicToken = undefined;
  container.mtime = marker.mtime;
}

/** Charges (or releases) disk space to the account's owner; Astakos refusals become Pithos's 413. */
export function chargeSpace(ctx: Ctx, account: Account, delta: number): void {
  if (delta === 0) return;
  const owner = ctx.host.findUser(account.uuid);
  if (!owner) return;
  try {
    ctx.host.charge(owner, { 'pithos.diskspace': delta });
  } catch (e) {
    if (e instanceof SynnefoFault && e.status === 413) throw tooLarge(`Quota error: ${e.message}`);
    throw e;
  }
}

/** `/<container>/<object>` of X-Copy-From, X-Move-From, Destination, X-Source-Object. */
export function splitSourcePath(value: string): { container: string; object: string } {
  if (!value.startsWith('/')) throw badRequest('Invalid source object');
  const rest = value.slice(1);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) throw badRequest('Invalid source object');
  return { container: rest.slice(0, slash), object: rest.slice(slash + 1) };
}

export function requireOwner(ctx: Ctx): void {
  if (!isOwner(ctx)) throw forbidden('Not allowed');
}
