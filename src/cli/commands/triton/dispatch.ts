import { ConfigError } from '../../../core/errors/config-error.js';
import { KeyParseError } from '../../../crypto/errors/key-parse-error.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { parseWords, type OptValues } from './args.js';
import { branchHelp, leafHelp } from './help.js';
import { GLOBAL_OPTIONS, Session } from './session.js';
import { isBranch, type Branch, type Leaf, type Node } from './tree.js';

/** Merges option values; repeated list options from before and after the command words add up. */
function merge(into: OptValues, from: OptValues): void {
  for (const [k, v] of Object.entries(from)) {
    const prev = into[k];
    into[k] = Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v] : v;
  }
}

function child(branch: Branch, word: string): [string, Node] | undefined {
  const name = Object.prototype.hasOwnProperty.call(branch.children, word) ? word : branch.aliases?.[word];
  return name !== undefined && Object.prototype.hasOwnProperty.call(branch.children, name) ? [name, branch.children[name]!] : undefined;
}

/**
 * Runs `opskit triton …`: the command words through `root` (connection and output options may
 * come before, between or after them), then the command's own options and arguments. Failures
 * throw for runCli to print as one line: mistakes in the command line or the configuration are
 * UsageErrors (exit 2), everything the server or the network did is exit 1.
 */
export async function runTriton(argv: readonly string[], io: CliIo, root: Branch): Promise<number> {
  const opts: OptValues = {};
  const path: string[] = [];
  let node: Node = root;
  let at = 0;
  while (isBranch(node)) {
    const pre = parseWords(argv.slice(at), [GLOBAL_OPTIONS], { stopAtPositional: true });
    merge(opts, pre.values);
    at += pre.rest;
    let word = argv[at];
    if (word === undefined && node.default !== undefined && opts.help !== true) {
      // The branch's everyday command, so `opskit triton account` shows the account.
      word = node.default;
      at--;
    }
    if (word === undefined) {
      const help = branchHelp(path, node, GLOBAL_OPTIONS);
      if (opts.help === true) return io.stdout(help), 0;
      if (path.length === 0) return io.stderr(help), 2;
      throw new UsageError(`'triton ${path.join(' ')}' needs a command: ${Object.keys(node.children).join(', ')}; see 'opskit triton ${path.join(' ')} --help'`);
    }
    const next = child(node, word);
    if (!next) {
      throw new UsageError(`unknown command ${JSON.stringify(['triton', ...path, word.slice(0, 40)].join(' '))}; ${path.length ? `'triton ${path.join(' ')}'` : 'triton'} commands: ${Object.keys(node.children).join(', ')}`);
    }
    path.push(next[0]);
    node = next[1];
    at++;
  }
  const leaf: Leaf = node;
  let parsed;
  try {
    parsed = parseWords(argv.slice(at), [leaf.options ?? [], GLOBAL_OPTIONS]);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`${e.message}; see 'opskit triton ${path.join(' ')} --help'`) : e;
  }
  merge(opts, parsed.values);
  if (opts.help === true) {
    io.stdout(leafHelp(path, leaf, GLOBAL_OPTIONS));
    return 0;
  }
  const { min, max } = leaf.args ?? { min: 0, max: 0 };
  const n = parsed.positionals.length;
  // Counts only: a misplaced argument might be a secret, so it is never echoed.
  if (n < min || n > max) {
    throw new UsageError(`${n < min ? 'missing arguments' : 'too many arguments'} for 'triton ${path.join(' ')}'; usage: opskit triton ${path.join(' ')} ${leaf.usage}`.trimEnd());
  }
  const s = new Session(io, opts);
  try {
    await leaf.run({ opts, args: parsed.positionals, io, s });
  } catch (e) {
    // Bad identifiers, option values or key files are the caller's mistake: exit 2, like usage.
    if (e instanceof ConfigError || e instanceof KeyParseError) throw new UsageError(e.message);
    throw e;
  }
  return 0;
}
