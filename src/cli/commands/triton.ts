import type { Command, CommandGroup, CommandInfo } from '../command.js';
import { accountBranch, keyBranch, miscCommands } from './triton/account.js';
import { imageBranch, packageBranch } from './triton/catalog.js';
import { runTriton } from './triton/dispatch.js';
import { instanceBranch, instanceShortcuts } from './triton/instance.js';
import { fwruleBranch, networkBranch, vlanBranch, volumeBranch } from './triton/network.js';
import { TRITON_PARITY } from './triton/help.js';
import { profileBranch } from './triton/profile.js';
import { rbacBranch } from './triton/rbac.js';
import { GLOBAL_OPTIONS } from './triton/session.js';
import { isBranch, type Branch, type Node } from './triton/tree.js';

/** The command set of Joyent's `triton` CLI (node-triton 7.17), with its names, aliases and shortcuts. */
export const tritonTree: Branch = {
  summary: "Joyent Triton CloudAPI, with the command set of Joyent's triton CLI",
  aliases: { inst: 'instance', insts: 'instances', ls: 'instances', rm: 'delete', img: 'image', pkg: 'package', pkgs: 'packages', vol: 'volume', vols: 'volumes' },
  children: {
    instance: instanceBranch,
    ...instanceShortcuts,
    image: imageBranch,
    images: imageBranch.children.list!,
    package: packageBranch,
    packages: packageBranch.children.list!,
    network: networkBranch,
    networks: networkBranch.children.list!,
    vlan: vlanBranch,
    fwrule: fwruleBranch,
    fwrules: fwruleBranch.children.list!,
    volume: volumeBranch,
    volumes: volumeBranch.children.list!,
    key: keyBranch,
    keys: keyBranch.children.list!,
    account: accountBranch,
    rbac: rbacBranch,
    profile: profileBranch,
    profiles: profileBranch.children.list!,
    ...miscCommands,
  },
};

/** Rows for `opskit --help`; running goes through `dispatch`. */
const listing: Record<string, Command> = Object.fromEntries(
  Object.entries(tritonTree.children).map(([name, node]) => [name, { summary: node.summary, usage: '', run: async () => 1 } satisfies Command]),
);

/**
 * Every command with its own and the global options. The letters are Joyent's (opskit added no
 * short option), so every option with one is marked as kept for parity; `-h` is the same everywhere.
 */
function walk(node: Node = tritonTree, path: string[] = []): CommandInfo[] {
  if (isBranch(node)) return Object.entries(node.children).flatMap(([name, child]) => walk(child, [...path, name]));
  const options = [...(node.options ?? []), ...GLOBAL_OPTIONS].map((o) => ({ long: o.name, ...(o.short ? { short: o.short } : {}), ...(o.short && o.short !== 'h' ? { parity: true } : {}) }));
  return [{ path, options }];
}

/** `opskit triton …`: Triton CloudAPI from the command line (signed with ssh-agent, ~/.ssh or a key file). */
export const tritonCommands: CommandGroup = {
  summary: tritonTree.summary,
  parity: TRITON_PARITY,
  commands: listing,
  dispatch: (argv, io) => runTriton(argv, io, tritonTree),
  walk: () => walk(),
};
