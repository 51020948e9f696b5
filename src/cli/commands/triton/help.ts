import type { OptDef } from './args.js';
import { isBranch, type Branch, type Leaf } from './tree.js';

/** Help never gets wider than this. */
export const HELP_WIDTH = 100;

/** Two columns: labels padded, descriptions wrapped to the width (continuation lines indented). */
export function columns(rows: readonly [string, string][], indent = 2): string[] {
  const labelWidth = Math.min(34, Math.max(0, ...rows.map(([l]) => l.length)));
  const out: string[] = [];
  for (const [label, text] of rows) {
    const pad = indent + labelWidth + 2;
    const room = HELP_WIDTH - pad;
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      if (line && line.length + 1 + w.length > room) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    lines.push(line);
    if (label.length > labelWidth) {
      out.push(`${' '.repeat(indent)}${label}`);
      for (const l of lines) out.push(`${' '.repeat(pad)}${l}`);
    } else {
      out.push(`${' '.repeat(indent)}${label.padEnd(labelWidth)}  ${lines[0]}`);
      for (const l of lines.slice(1)) out.push(`${' '.repeat(pad)}${l}`);
    }
  }
  return out;
}

function optLabel(o: OptDef): string {
  const long = `--${o.name}${o.kind === 'flag' ? '' : ` ${o.valueName ?? 'VALUE'}`}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

/** Wraps a paragraph to the help width. */
export function wrap(text: string, indent = 0): string[] {
  return text.split('\n').flatMap((para) => {
    if (para.trim() === '' || /^\s/.test(para)) return [`${' '.repeat(indent)}${para}`.slice(0, HELP_WIDTH)];
    return columns([['', para]], indent).map((l) => l.replace(/^(\s*)\s\s/, '$1'));
  });
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
  lines.push('', 'Durations are seconds (60, 60s) or milliseconds (500ms).', 'Exit codes: 0 done, 1 failed (server, network, not found), 2 usage error (command line, setup).');
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
  lines.push('', `Run 'opskit triton ${path.length ? `${path.join(' ')} ` : ''}<command> --help' for a command's options.`);
  return `${lines.join('\n')}\n`;
}
