import type { Command, CommandGroup, CommandInfo, OptionInfo } from '../command.js';
import type { OptSpec } from './vigiles/argparse.js';
import { cveCommands } from './vigiles/cves.js';
import { ANYWHERE_OPTIONS, GLOBAL_OPTIONS, runVigiles, VIGILES_PARITY } from './vigiles/dispatch.js';
import { folderCommands } from './vigiles/folder.js';
import { groupCommands } from './vigiles/group.js';
import { manifestCommands } from './vigiles/manifest.js';
import { miscCommands } from './vigiles/misc.js';
import { reportCommands } from './vigiles/report.js';
import { isBranch, type Branch, type Node } from './vigiles/tree.js';

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

/** An argparse option as the convention checks see it: upstream's letters are kept for parity. */
function info(o: OptSpec): OptionInfo {
  const long = (o.flags.find((f) => f.startsWith('--')) ?? o.flags[0]!).slice(2);
  const short = o.flags.find((f) => /^-[^-]$/.test(f))?.slice(1);
  return { long, ...(short ? { short } : {}), ...(short && !o.extra ? { parity: true } : {}) };
}

/** Every command with its own, the global and the anywhere options. */
function walk(node: Node = vigilesTree, path: string[] = []): CommandInfo[] {
  if (isBranch(node)) return Object.entries(node.children).flatMap(([name, child]) => walk(child, [...path, name]));
  return [{ path, options: [...(node.options ?? []), ...GLOBAL_OPTIONS, ...ANYWHERE_OPTIONS].map(info).concat({ long: 'help', short: 'h' }) }];
}

/** `opskit vigiles …`: the Vigiles CLI, exiting non-zero on every error. */
export const vigilesCommands: CommandGroup = {
  summary: vigilesTree.summary,
  parity: VIGILES_PARITY,
  commands: listing,
  dispatch: (argv, io) => runVigiles(argv, io, vigilesTree),
  walk: () => walk(),
};
