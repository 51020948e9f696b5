import type { Hono } from 'hono/tiny';
import { SimError } from '../../app.js';
import { mustFolder, mustGroup } from '../access.js';
import { BASE, type TimesysEnv } from '../env.js';
import { llapi, params } from '../request.js';
import type { TimesysFolder } from '../types.js';

/** `/folders`: list (a group's top level or a folder's children), create, archive, unarchive. */
export function folderRoutes(app: Hono, env: TimesysEnv): void {
  const { state } = env;
  const view = (f: TimesysFolder) => ({ folder_token: f.token, folder_name: f.name, folder_description: f.description, creation_date: f.creationDate, group_token: f.groupToken });

  app.get(`${BASE}/folders`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const archived = p.bool('archived_only');
    const folderToken = p.get('folder_token');
    const groupToken = p.get('group_token');
    let list: TimesysFolder[];
    if (folderToken) {
      const parent = mustFolder(env, user, folderToken);
      list = [...state.folders.values()].filter((f) => f.parentToken === parent.token);
    } else if (groupToken) {
      const group = mustGroup(env, user, groupToken);
      list = [...state.folders.values()].filter((f) => f.groupToken === group.token && f.parentToken === null);
    } else {
      throw new SimError(400, 'BadRequest', 'Missing required parameter: group_token or folder_token');
    }
    return c.json(list.filter((f) => f.archived === archived).map(view));
  });

  app.post(`${BASE}/folders`, (c) => {
    const { user } = llapi(c);
    const p = params(c);
    const name = p.need('folder_name');
    const parentToken = p.get('folder_token');
    const groupToken = p.get('group_token');
    let folder: TimesysFolder;
    if (parentToken) {
      const parent = mustFolder(env, user, parentToken);
      folder = { token: env.token(), name, description: p.get('description') ?? '', groupToken: parent.groupToken, parentToken: parent.token, archived: false, creationDate: env.date() };
    } else if (groupToken) {
      const group = mustGroup(env, user, groupToken);
      if (group.groupType === 'Private Workspace') throw new SimError(400, 'BadRequest', 'Private Workspace does not support folders');
      folder = { token: env.token(), name, description: p.get('description') ?? '', groupToken: group.token, parentToken: null, archived: false, creationDate: env.date() };
    } else {
      throw new SimError(400, 'BadRequest', 'Missing required parameter: group_token or folder_token');
    }
    state.folders.set(folder.token, folder);
    return c.json({ folder_name: folder.name, group_token: folder.groupToken, folder_token: folder.token, description: folder.description, creation_date: folder.creationDate });
  });

  for (const [word, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.patch(`${BASE}/folders/${word}`, (c) => {
      const { user } = llapi(c);
      const tokens = params(c).all('tokens');
      if (tokens.length === 0) throw new SimError(400, 'BadRequest', 'Missing required parameter: tokens');
      const folders = tokens.map((t) => mustFolder(env, user, t));
      for (const f of folders) f.archived = archived;
      return c.json({ message: `${archived ? 'Archived' : 'Unarchived'} ${folders.length} folder(s)`, status_code: 200 });
    });
  }
}
