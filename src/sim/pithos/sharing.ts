import { badRequest } from './faults.js';
import { currentVersion, type Account, type Container, type ObjectNode, type Permissions } from './model.js';

/**
 * Parses `X-Object-Sharing` (S `util.get_sharing`): `read=…`, `write=…` or both joined by `;`.
 * Spaces are removed, entries lower-cased, `*` collapses a list, a user in both lists keeps only
 * write. An empty value removes every permission (returns undefined).
 */
export function parseSharing(value: string): Permissions | undefined {
  const text = value.replace(/ /g, '').replace(/~/g, '');
  if (text === '') return undefined;
  const out: Permissions = { read: [], write: [] };
  for (const part of text.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const kind = eq < 0 ? part : part.slice(0, eq);
    if (kind !== 'read' && kind !== 'write') throw badRequest('Bad X-Object-Sharing header value');
    const list = (eq < 0 ? '' : part.slice(eq + 1)).split(',').filter((s) => s !== '').map((s) => s.toLowerCase());
    if (list.length === 0) throw badRequest('Bad X-Object-Sharing header value');
    out[kind] = list.includes('*') ? ['*'] : [...new Set(list)];
  }
  out.read = out.read.filter((u) => !out.write.includes(u));
  return out.read.length || out.write.length ? out : undefined;
}

/** `read=a,b; write=c`: the reply form. */
export function formatSharing(p: Permissions): string {
  const parts: string[] = [];
  if (p.read.length) parts.push(`read=${p.read.join(',')}`);
  if (p.write.length) parts.push(`write=${p.write.join(',')}`);
  return parts.join('; ');
}

const DIRECTORY_TYPES = new Set(['application/directory', 'application/folder']);

/**
 * The permissions that apply to `name` and the path they come from: the object's own, else those
 * of the nearest ancestor that is a directory object (S `modular._get_permissions_path`).
 */
export function effectiveSharing(container: Container, name: string): { sharing: Permissions; path: string } | undefined {
  const own = container.objects.get(name);
  if (own?.sharing) return { sharing: own.sharing, path: name };
  let prefix = name;
  for (;;) {
    const cut = prefix.lastIndexOf('/', prefix.endsWith('/') ? prefix.length - 2 : prefix.length - 1);
    if (cut < 0) return undefined;
    prefix = prefix.slice(0, cut);
    for (const candidate of [prefix, `${prefix}/`]) {
      const node = container.objects.get(candidate);
      const v = currentVersion(node);
      if (node?.sharing && v && DIRECTORY_TYPES.has(v.contentType.split(';')[0]!.trim())) return { sharing: node.sharing, path: candidate };
    }
  }
}

/** Whether `user` is named by a permission list (directly, by `*`, or through one of the owner's groups). */
export function listAllows(list: readonly string[], user: string, findAccount: (uuid: string) => Account | undefined): boolean {
  const u = user.toLowerCase();
  for (const entry of list) {
    if (entry === '*' || entry === u) return true;
    const colon = entry.indexOf(':');
    if (colon > 0) {
      const members = findAccount(entry.slice(0, colon))?.groups.get(entry.slice(colon + 1));
      if (members?.some((m) => m.toLowerCase() === u)) return true;
    }
  }
  return false;
}

/** What a non-owner may do with an object: `write`, `read`, or nothing. */
export function allowedTo(
  container: Container, name: string, user: string, findAccount: (uuid: string) => Account | undefined,
): { level: 'read' | 'write'; path: string } | undefined {
  const eff = effectiveSharing(container, name);
  if (!eff) return undefined;
  if (listAllows(eff.sharing.write, user, findAccount)) return { level: 'write', path: eff.path };
  if (listAllows(eff.sharing.read, user, findAccount)) return { level: 'read', path: eff.path };
  return undefined;
}

/** Whether a node has sharing of its own (for `?shared` listings). */
export const isShared = (node: ObjectNode) => node.sharing !== undefined;
