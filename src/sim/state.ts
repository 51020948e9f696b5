import type { RandomSource } from './random.js';

/** Something that makes the next id for a collection. */
export type IdGenerator = () => string;

/**
 * Sequential ids (`prefix` + counter, zero-padded to `pad` digits). Deterministic by
 * construction, which is what seeded fixtures want; real servers' ids are opaque anyway.
 */
export function counterIds(prefix = '', options: { start?: number; pad?: number } = {}): IdGenerator {
  let n = options.start ?? 1;
  const pad = options.pad ?? 0;
  return () => `${prefix}${String(n++).padStart(pad, '0')}`;
}

/** Random ids: `prefix` + UUID, or + `hexBytes` bytes of hex when given. */
export function randomIds(random: RandomSource, options: { prefix?: string; hexBytes?: number } = {}): IdGenerator {
  const prefix = options.prefix ?? '';
  const hexBytes = options.hexBytes;
  return () => prefix + (hexBytes === undefined ? random.uuid() : random.hex(hexBytes));
}

/** Any record a collection can hold: it has a string id. */
export interface Identified {
  id: string;
}

/**
 * An insertion-ordered in-memory table. Insertion order matters: list endpoints page
 * over it, and a stable order is what makes cursors and offsets meaningful.
 */
export interface Collection<T extends Identified> {
  /** Number of records. */
  readonly size: number;
  /** The record with this id, or `undefined`. */
  get(id: string): T | undefined;
  has(id: string): boolean;
  /** Adds a record, generating its id unless one is given; throws if the id is taken. */
  insert(value: Omit<T, 'id'> & { id?: string }): T;
  /** Adds or replaces a record by id (keeps its position when it already exists). */
  put(value: T): T;
  /** Shallow-merges `patch` into a record; `undefined` when there is no such record. */
  update(id: string, patch: Partial<Omit<T, 'id'>>): T | undefined;
  /** Deletes a record; `true` when it existed. */
  remove(id: string): boolean;
  /** A snapshot array of all records, in insertion order. */
  list(): T[];
  /** Records matching `predicate`, in insertion order. */
  filter(predicate: (value: T) => boolean): T[];
  find(predicate: (value: T) => boolean): T | undefined;
  /** Removes every record (the id generator keeps counting). */
  clear(): void;
  [Symbol.iterator](): IterableIterator<T>;
}

/** Creates a collection; ids default to a counter (`'1'`, `'2'`, …). */
export function createCollection<T extends Identified>(options: { ids?: IdGenerator } = {}): Collection<T> {
  const rows = new Map<string, T>();
  const nextId = options.ids ?? counterIds();
  return {
    get size() {
      return rows.size;
    },
    get: (id) => rows.get(id),
    has: (id) => rows.has(id),
    insert(value) {
      const id = value.id ?? freshId(rows, nextId);
      if (rows.has(id)) throw new Error(`duplicate id ${JSON.stringify(id)}`);
      const row = { ...value, id } as T;
      rows.set(id, row);
      return row;
    },
    put(value) {
      rows.set(value.id, value);
      return value;
    },
    update(id, patch) {
      const row = rows.get(id);
      if (row === undefined) return undefined;
      const next = { ...row, ...patch, id } as T;
      rows.set(id, next);
      return next;
    },
    remove: (id) => rows.delete(id),
    list: () => [...rows.values()],
    filter: (predicate) => [...rows.values()].filter(predicate),
    find(predicate) {
      for (const row of rows.values()) if (predicate(row)) return row;
      return undefined;
    },
    clear: () => rows.clear(),
    [Symbol.iterator]: () => rows.values(),
  };
}

// A counter can collide with ids that fixtures inserted explicitly; skip those.
function freshId(rows: Map<string, unknown>, next: IdGenerator): string {
  for (let i = 0; i < 1000; i++) {
    const id = next();
    if (!rows.has(id)) return id;
  }
  throw new Error('id generator keeps returning ids already in use');
}
