import type { Command, CommandGroup } from '../command.js';
import { cveCommands } from './vigiles/cves.js';
import { runVigiles } from './vigiles/dispatch.js';
import { folderCommands } from './vigiles/folder.js';
import { groupCommands } from './vigiles/group.js';
import { manifestCommands } from './vigiles/manifest.js';
import { miscCommands } from './vigiles/misc.js';
import { reportCommands } from './vigiles/report.js';
import type { Branch } from './vigiles/tree.js';

/** Every command of upstream's `vigiles` CLI (protocols §4), under the same names. */
export const vigilesTree: Branch = {
  summary: 'Timesys Vigiles (LinuxLink) API, compatible with the vigiles CLI of the timesys package',
  children: {
    ...miscCommands,
    manifest: manifestCommands,
    report: reportCommands,
    folder: folderCommands,
    group: groupCommands,
    cves: cveCommands,
  },
};

/** Help rows for `opskit --help`; running goes through `dispatch`. */
const listing: Record<string, Command> = Object.fromEntries(
  Object.entries(vigilesTree.children).map(([name, node]) => [
    name,
    { summary: node.summary, usage: '', run: async () => 1 } satisfies Command,
  ]),
);

/** `opskit vigiles …`: the Vigiles CLI, exiting non-zero on every error. */
export const vigilesCommands: CommandGroup = {
  summary: vigilesTree.summary,
  commands: listing,
  dispatch: (argv, io) => runVigiles(argv, io, vigilesTree),
};
