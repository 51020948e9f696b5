import { columns, parityNote, wrap } from '../../help.js';
import type { OptDef } from './args.js';
import { isBranch, type Branch, type Leaf } from './tree.js';

export { HELP_WIDTH, columns, wrap } from '../../help.js';

/** The upstream CLI whose options `opskit triton` keeps. */
export const TRITON_PARITY = "Joyent's triton CLI (node-triton 7.17)";

function optLabel(o: OptDef): string {
  const long = `--${o.name}${o.kind === 'flag' ? '' : ` ${o.valueName ?? 'VALUE'}`}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

/** Help of one command. */
export function leafHelp(path: readonly string[], leaf: Leaf, globals: readonly OptDef[]): string {
  const own = leaf.options ?? [];
  const shadowed = new Set(own.map((o) => o.short).filter(Boolean));
  const lines = [`Usage: opskit triton ${path.join(' ')}${own.length ? ' [OPTIONS]' : ''}${leaf.usage ? ` ${leaf.usage}` : ''}`, '', ...wrap(`${leaf.summary[0]!.toUpperCase()}${leaf.summary.slice(1)}.`)];
  if (leaf.details) lines.push('', ...wrap(leaf.details));
  if (own.length) lines.push('', 'Options:', ...columns(own.map((o) => [optLabel(o), o.help])));
  lines.push('', 'Connection, output and wait options (any command, before or after it):');
  lines.push(...columns(globals.map((o) => [optLabel(shadowed.has(o.short) ? { ...o, short: undefined as never } : o), o.help])));
  lines.push('', ...wrap(parityNote(TRITON_PARITY)), 'Durations are seconds (60, 60s, 1.5s) or milliseconds (500ms).', 'Exit codes: 0 done, 1 failed (server, network, not found), 2 usage or setup mistake.');
  return `${lines.join('\n')}\n`;
}

/** Help of a command word with subcommands. */
export function branchHelp(path: readonly string[], branch: Branch, globals: readonly OptDef[]): string {
  const aliasesOf = (name: string) => Object.entries(branch.aliases ?? {}).filter(([, to]) => to === name).map(([a]) => a);
  const rows = Object.entries(branch.children).map(([name, node]): [string, string] => {
    const alias = aliasesOf(name);
    return [`${name}${alias.length ? ` (${alias.join(', ')})` : ''}${isBranch(node) ? ' …' : ''}`, node.summary];
  });
  const lines = [`Usage: opskit triton ${path.length ? `${path.join(' ')} ` : ''}<command> [OPTIONS] [ARGS]`, '', ...wrap(`${branch.summary[0]!.toUpperCase()}${branch.summary.slice(1)}.`), '', 'Commands:', ...columns(rows)];
  if (path.length === 0) {
    lines.push('', 'Connection, output and wait options (any command, before or after it):', ...columns(globals.map((o) => [optLabel(o), o.help])));
    lines.push('', ...wrap('Names work wherever an id does: an instance, image, package, network, volume or firewall rule by name, short id (the first 8 characters of its UUID) or UUID; an image also as name@version. Output is JSON; -o table prints a table, -o a,b,c a table of those fields.'));
  }
  if (path.length === 0) lines.push('', ...wrap(parityNote(TRITON_PARITY)));
  lines.push('', `Run 'opskit triton ${path.length ? `${path.join(' ')} ` : ''}<command> --help' for a command's options.`);
  return `${lines.join('\n')}\n`;
}
