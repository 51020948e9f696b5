import type { LlapiContext } from '../context.js';
import type { CreatedFolder, Folder, RequestOptions, StatusMessage } from '../types.js';
import { required, stringList } from '../validate.js';

/** Tokens default to the configured ones, so a configured folder wins over an explicit group (§3.6). */
export interface FolderTarget extends RequestOptions {
  groupToken?: string;
  folderToken?: string;
}

function target(ctx: LlapiContext, o: FolderTarget) {
  const folder = o.folderToken || ctx.folderToken;
  const group = o.groupToken || ctx.groupToken;
  return { group: folder ? undefined : group, folder };
}

/** `get_folders(group_token=None, folder_token=None, archived_only=False)`. */
export async function getFolders(ctx: LlapiContext, o: FolderTarget & { archivedOnly?: boolean } = {}): Promise<Folder[]> {
  const { group, folder } = target(ctx, o);
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/folders',
    params: { group_token: group, folder_token: folder, archived_only: o.archivedOnly ? true : undefined },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `create_folder(folder_name, description=None, group_token=None, folder_token=None)`. */
export async function createFolder(ctx: LlapiContext, folderName: string, o: FolderTarget & { description?: string } = {}): Promise<CreatedFolder> {
  required(folderName, 'folder_name');
  const { group, folder } = target(ctx, o);
  return ctx.send({
    method: 'POST', path: '/api/v1/vigiles/folders',
    params: { folder_name: folderName, description: o.description, group_token: group, folder_token: folder },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `archive_folders(tokens)` / `unarchive_folders(tokens)`: PATCH with the tokens in the query. */
export async function archiveFolders(ctx: LlapiContext, tokens: readonly string[], archive: boolean, o: RequestOptions = {}): Promise<StatusMessage> {
  const params = { tokens: stringList(tokens, 'tokens') };
  return archive
    ? ctx.send({ method: 'PATCH', path: '/api/v1/vigiles/folders/archive', params, ...o })
    : ctx.send({ method: 'PATCH', path: '/api/v1/vigiles/folders/unarchive', params, ...o });
}
