import { ConfigError } from '../../core/errors/config-error.js';
import { BatchCreateError } from './batch-create-error.js';

/**
 * Creates items one at a time; when one fails, deletes (in reverse order) those already created
 * and throws a {@link BatchCreateError}. Specs are validated by the caller before anything is sent.
 */
export async function createAll<T extends { id: string }>(
  kind: string,
  count: number,
  create: (index: number) => Promise<T>,
  remove: (item: T) => Promise<unknown>,
): Promise<T[]> {
  const created: T[] = [];
  for (let i = 0; i < count; i++) {
    try {
      created.push(await create(i));
    } catch (cause) {
      const rolledBack: string[] = [];
      const leftBehind: string[] = [];
      for (const item of [...created].reverse()) {
        try {
          await remove(item);
          rolledBack.push(item.id);
        } catch {
          leftBehind.push(item.id);
        }
      }
      throw new BatchCreateError(kind, i, cause, rolledBack.reverse(), leftBehind.reverse());
    }
  }
  return created;
}

/** The specs of a batch: an array of plain objects (kamaki's ValueError cases become ConfigError). */
export function specList(where: string, specs: unknown, what: string): Record<string, unknown>[] {
  if (!Array.isArray(specs)) throw new ConfigError(`${where}: the ${what}s parameter must be an array`);
  return specs.map((s, i) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new ConfigError(`${where}: ${what} specification #${i + 1} is not an object`);
    return s as Record<string, unknown>;
  });
}
