import type { Command, CommandGroup, OptionSpec } from './command.js';

/** Help never gets wider than this (every command's help is tested against it). */
export const HELP_WIDTH = 100;

/** Two columns: labels padded, descriptions wrapped to the width (continuation lines indented). */
export function columns(rows: readonly (readonly [string, string])[], indent = 2): string[] {
  const labelWidth = Math.min(34, Math.max(0, ...rows.map(([l]) => l.length)));
  const out: string[] = [];
  for (const [label, text] of rows) {
    const pad = indent + labelWidth + 2;
    const lines = fill(text, HELP_WIDTH - pad);
    if (label.length > labelWidth) {
      out.push(`${' '.repeat(indent)}${label}`.slice(0, HELP_WIDTH));
      for (const l of lines) out.push(`${' '.repeat(pad)}${l}`);
    } else {
      out.push(`${' '.repeat(indent)}${label.padEnd(labelWidth)}  ${lines[0] ?? ''}`.trimEnd());
      for (const l of lines.slice(1)) out.push(`${' '.repeat(pad)}${l}`);
    }
  }
  return out;
}

/** Words of `text` in lines of at most `room` characters (a longer word gets a line of its own). */
function fill(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > room) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}

/**
 * Wraps paragraphs to the help width. A line that starts with a space is kept as it is (examples,
 * lists): such lines must be written to fit.
 */
export function wrap(text: string, indent = 0): string[] {
  return text.split('\n').flatMap((para) => {
    if (para.trim() === '' || /^\s/.test(para)) return [`${' '.repeat(indent)}${para}`.trimEnd()];
    return fill(para, HELP_WIDTH - indent).map((l) => `${' '.repeat(indent)}${l}`);
  });
}

/**
 * `Usage: opskit …` within the help width: a long argument list continues on lines indented under
 * the arguments, broken between words.
 */
export function usageLines(text: string): string[] {
  const words = text.split(' ');
  let head = 1;
  while (head < words.length && /^[a-z][\w-]*$/.test(words[head]!)) head++;
  let current = `Usage: ${words.slice(0, head).join(' ')}`;
  const indent = Math.min(current.length + 1, 40);
  const out: string[] = [];
  for (const w of words.slice(head)) {
    if (current.trim() !== '' && current.length + 1 + w.length > HELP_WIDTH) {
      out.push(current);
      current = `${' '.repeat(indent)}${w}`;
    } else current = `${current} ${w}`;
  }
  out.push(current);
  return out;
}

/** `Sentence.` from a summary such as `print a new key`. */
export const sentence = (summary: string): string => `${summary[0]?.toUpperCase() ?? ''}${summary.slice(1)}${/[.)]$/.test(summary) ? '' : '.'}`;

/** What every command of every group accepts (shown at the end of each command's help). */
export const COMMON_OPTIONS: readonly [string, string][] = [
  ['    --dry-run', 'print what would be sent or written instead of doing it (also before the command word)'],
  ['-h, --help', 'show help (also after any command)'],
  ['    --debug', 'print stack traces on errors'],
];

/** The conventions every group follows, for `opskit --help` and the README. */
export const CONVENTIONS = [
  'Output is JSON on stdout; progress and notes go to stderr: one line rewritten in place on a',
  'terminal, nothing in a pipe unless --progress asks for it. --dry-run works on every command,',
  'before or after the command word: nothing is sent and nothing is written. Durations are',
  'seconds: 60, 60s, 1.5s or 500ms. Exit codes: 0 done, 1 failed (the server, the network or the',
  'data said no), 2 a mistake in the command line or the setup (option, URL, account, key, file).',
  'Short options mean the same in every group: -h --help, -o --output FILE, -k --key-file FILE,',
  '-u --username USER, -p --password PASSWORD, -f --force. triton, vigiles, mist and kamaki keep',
  "the letters of the upstream CLI they mirror (Joyent's triton, Timesys' vigiles, mist.client,",
  'kamaki), and their help says so.',
];

/** Help for `opskit` itself: every group and its commands. */
export function mainHelp(groups: Readonly<Record<string, CommandGroup>>, version: string): string {
  const rows: [string, string][] = Object.entries(groups).map(([name, group]) => [name, `${group.summary} (${Object.keys(group.commands).join(', ')})`]);
  return [
    'Usage: opskit <group> <command> [arguments] [options]',
    '',
    `opskit ${version}: SDK and simulators for infrastructure-management APIs.`,
    '',
    'Groups:',
    ...columns(rows),
    '',
    'Options:',
    ...columns([
      ['-h, --help', 'show help (works after any command too)'],
      ['-V, --version', 'print the version'],
      ['    --debug', 'print stack traces on errors'],
    ]),
    '',
    ...CONVENTIONS,
    '',
    "Run 'opskit <group> --help' for a group's commands, 'opskit <group> <command> --help' for one",
    "command's options.",
    '',
  ].join('\n');
}

/** The note a group that mirrors an upstream CLI prints under its help. */
export const parityNote = (upstream: string): string =>
  `Short options are ${upstream}'s, kept for parity; they may mean something else in other opskit groups.`;

/** Help for one group, e.g. `opskit fernet --help`. */
export function groupHelp(groupName: string, group: CommandGroup): string {
  const rows = Object.entries(group.commands).map(([name, c]): [string, string] => [name, c.summary]);
  return [
    `Usage: opskit ${groupName} <command> [arguments] [options]`,
    '',
    ...wrap(sentence(group.summary)),
    '',
    'Commands:',
    ...columns(rows),
    '',
    ...(group.parity ? [...wrap(parityNote(group.parity)), ''] : []),
    `Run 'opskit ${groupName} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

/** `-k, --key-file FILE` (or `    --long`), the label of an option in help. */
export function optionLabel(name: string, spec: Pick<OptionSpec, 'type' | 'short' | 'valueName'>): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

/** Help for one command, e.g. `opskit fernet encrypt --help`. */
export function commandHelp(path: string, command: Command, parity?: string): string {
  const own = Object.entries(command.options ?? {}).filter(([name]) => name !== 'dry-run');
  const optionRows = own.map(([name, spec]): [string, string] => [optionLabel(name, spec), spec.description]);
  const lines = [...usageLines(`opskit ${path}${command.usage ? ` ${command.usage}` : ''}`), '', ...wrap(sentence(command.summary))];
  if (command.details) lines.push('', ...wrap(command.details));
  lines.push('', 'Options:', ...columns([...optionRows, ...COMMON_OPTIONS]), '');
  if (parity) lines.push(...wrap(parityNote(parity)), '');
  if (own.some(([, spec]) => spec.valueName === 'DURATION')) lines.push('Durations are seconds (60, 60s, 1.5s) or milliseconds (500ms).');
  lines.push('Exit codes: 0 done, 1 failed (server, network, data), 2 usage or setup mistake.', '');
  return lines.join('\n');
}
