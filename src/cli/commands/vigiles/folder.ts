import { UsageError } from '../../usage-error.js';
import { flag, str, value, type Branch, type Leaf, type RunContext } from './tree.js';

const target = [
  value(['-g', '--group_token', '--group-token'], 'groupToken', 'group (default: the dashboard config)', 'TOKEN'),
  value(['-f', '--folder_token', '--folder-token'], 'folderToken', 'parent folder (default: the dashboard config)', 'TOKEN'),
];

/** `-g` and `-f` are mutually exclusive, as upstream's argparse group. */
function targetOf(ctx: RunContext) {
  const groupToken = str(ctx.opts.groupToken);
  const folderToken = str(ctx.opts.folderToken);
  if (groupToken !== undefined && folderToken !== undefined) throw new UsageError('argument -f/--folder_token: not allowed with argument -g/--group_token');
  return { groupToken, folderToken };
}

function archive(archived: boolean): Leaf {
  return {
    summary: `${archived ? 'archive' : 'unarchive'} folders`,
    args: [{ name: 'TOKEN', variadic: true }],
    async run(ctx) {
      const llapi = await ctx.llapi();
      const tokens = ctx.args.TOKEN as string[];
      ctx.print(await (archived ? llapi.archiveFolders(tokens) : llapi.unarchiveFolders(tokens)));
    },
  };
}

/** `folder list|create|archive|unarchive`. */
export const folderCommands: Branch = {
  summary: 'folders inside groups',
  children: {
    list: {
      summary: "list a group's folders or a folder's subfolders",
      options: [...target, flag(['-a', '--archived_only', '--archived-only'], 'archivedOnly', 'only archived folders')],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).getFolders({ ...targetOf(ctx), archivedOnly: ctx.opts.archivedOnly === true }));
      },
    },
    create: {
      summary: 'create a folder in a group, or a subfolder',
      args: [{ name: 'NAME' }],
      options: [value(['-d', '--description'], 'description', 'description', 'TEXT'), ...target],
      async run(ctx) {
        ctx.print(await (await ctx.llapi()).createFolder(ctx.args.NAME as string, { ...targetOf(ctx), description: str(ctx.opts.description) }));
      },
    },
    archive: archive(true),
    unarchive: archive(false),
  },
};
