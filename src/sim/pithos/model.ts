import type { BlockStore } from './blocks.js';

/** Read and write lists of an object (user UUIDs, `<owner>:<group>` references, or `*`). */
export interface Permissions {
  read: string[];
  write: string[];
}

/** One version of an object: what a HEAD/GET of it (or `?version=<id>`) sees. */
export interface ObjectVersion {
  /** Server-wide version number (`X-Object-Version`). */
  readonly id: number;
  /** `X-Object-UUID`: kept across versions and moves, new for copies. */
  readonly uuid: string;
  readonly bytes: number;
  /** Hex block hashes. */
  readonly hashes: readonly string[];
  /** Merkle root (`X-Object-Hash`, and the ETag). */
  readonly hash: string;
  /** MD5 "checksum" of the listing: only when a plain PUT carried an ETag (else empty). */
  readonly checksum: string;
  readonly contentType: string;
  /** User metadata, keys as the server stores them (`Foo-Bar`). */
  readonly meta: Readonly<Record<string, string>>;
  readonly contentEncoding?: string | undefined;
  readonly contentDisposition?: string | undefined;
  /** `X-Object-Manifest: <container>/<prefix>` (a dynamic large object). */
  readonly manifest?: string | undefined;
  /** Epoch milliseconds. */
  readonly mtime: number;
  readonly modifiedBy: string;
  /** A deletion marker (the object is gone from this version on). */
  readonly deleted: boolean;
}

/** An object path and its history. Sharing and publication belong to the path, not a version. */
export interface ObjectNode {
  readonly name: string;
  versions: ObjectVersion[];
  sharing: Permissions | undefined;
  /** The public token when published. */
  publicToken: string | undefined;
}

export interface ContainerPolicy {
  /** Bytes, 0 = unlimited. */
  quota: number;
  versioning: 'auto' | 'none';
  project: string | undefined;
}

export interface Container {
  readonly name: string;
  readonly ctime: number;
  mtime: number;
  meta: Record<string, string>;
  policy: ContainerPolicy;
  readonly objects: Map<string, ObjectNode>;
}

export interface Account {
  readonly uuid: string;
  meta: Record<string, string>;
  /** Lower-cased group name → member UUIDs. */
  groups: Map<string, string[]>;
  readonly containers: Map<string, Container>;
  mtime: number;
}

/** The object store's whole state (`sim.state` of `createSim('pithos')`). */
export interface PithosState {
  readonly blocks: BlockStore;
  readonly accounts: Map<string, Account>;
  /** Public token → object path. */
  readonly publics: Map<string, { account: string; container: string; name: string }>;
  /** Last version number handed out. */
  lastVersion: number;
}

/** The live version of a node, or undefined when it is deleted (or never existed). */
export function currentVersion(node: ObjectNode | undefined): ObjectVersion | undefined {
  const v = node?.versions.at(-1);
  return v && !v.deleted ? v : undefined;
}

/** The version that was live at `until` (epoch ms), if any. */
export function versionAt(node: ObjectNode, until: number | undefined): ObjectVersion | undefined {
  if (until === undefined) return currentVersion(node);
  let found: ObjectVersion | undefined;
  for (const v of node.versions) if (v.mtime <= until) found = v;
  return found && !found.deleted ? found : undefined;
}

/** Bytes of the live objects of a container (what quota compares against). */
export function containerBytes(container: Container): number {
  let n = 0;
  for (const node of container.objects.values()) n += currentVersion(node)?.bytes ?? 0;
  return n;
}

/** Live object count of a container. */
export function containerCount(container: Container): number {
  let n = 0;
  for (const node of container.objects.values()) if (currentVersion(node)) n++;
  return n;
}

/** Empty state around a block store. */
export function createPithosState(blocks: BlockStore): PithosState {
  return { blocks, accounts: new Map(), publics: new Map(), lastVersion: 0 };
}
