import type { Command, CommandGroup, OptionSpec } from './command.js';

const GLOBAL_OPTIONS: [string, string][] = [
  ['-h, --help', 'show help (works after any command too)'],
  ['-V, --version', 'print the version'],
  ['    --debug', 'print stack traces on errors'],
];

/** Help for `opskit` itself: every command of every group. */
export function mainHelp(groups: Readonly<Record<string, CommandGroup>>, version: string): string {
  const rows: [string, string][] = [];
  for (const [groupName, group] of Object.entries(groups)) {
    for (const [name, command] of Object.entries(group.commands)) {
      rows.push([`${groupName} ${name}${command.args?.min ? ` ${command.usage.split(' ')[0]}` : ''}`, command.summary]);
    }
  }
  return [
    `opskit ${version}: SDK and simulators for infrastructure-management APIs`,
    '',
    'Usage: opskit <group> <command> [arguments] [options]',
    '',
    'Commands:',
    table(rows),
    '',
    'Options:',
    table(GLOBAL_OPTIONS),
    '',
    "Run 'opskit <group> <command> --help' for a command's options.",
    '',
  ].join('\n');
}

/** Help for one group, e.g. `opskit fernet --help`. */
export function groupHelp(groupName: string, group: CommandGroup): string {
  const rows = Object.entries(group.commands).map(([name, c]): [string, string] => [name, c.summary]);
  return [`opskit ${groupName}: ${group.summary}`, '', `Usage: opskit ${groupName} <command> [arguments] [options]`, '', 'Commands:', table(rows), ''].join('\n');
}

/** Help for one command, e.g. `opskit fernet encrypt --help`. */
export function commandHelp(path: string, command: Command): string {
  const optionRows = Object.entries(command.options ?? {}).map(([name, spec]): [string, string] => [optionLabel(name, spec), spec.description]);
  const lines = [`Usage: opskit ${path}${command.usage ? ` ${command.usage}` : ''}`, '', `${command.summary[0]?.toUpperCase() ?? ''}${command.summary.slice(1)}.`];
  if (command.details) lines.push('', command.details);
  lines.push('', 'Options:', table([...optionRows, ...GLOBAL_OPTIONS.filter(([l]) => !l.includes('version'))]), '');
  return lines.join('\n');
}

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

function table(rows: readonly [string, string][]): string {
  const width = Math.max(0, ...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`).join('\n');
}
