import { isCancel, password, text } from '@clack/prompts';
import { createInterface } from 'node:readline';
import { UsageError } from './usage-error.js';

/** Asks the user for text; `hidden` must not echo what is typed. Injectable for tests. */
export type Prompter = (question: string, options: { hidden: boolean }) => Promise<string>;

/**
 * Prompts on stderr, so stdout stays clean JSON. On a terminal it is @clack/prompts' prompt
 * (masked input for secrets, Ctrl-C cancels with a usage error, exit 2); without a terminal it
 * reads one line of stdin, as Python's `input()`/`getpass()` fall back to.
 */
export const terminalPrompt: Prompter = async (question, { hidden }) => {
  const { stdin, stderr } = process;
  if (stdin.isTTY !== true) return readLine(question);
  const message = question.replace(/:\s*$/, '');
  const answer = hidden
    ? await password({ message, input: stdin, output: stderr, withGuide: false })
    : await text({ message, input: stdin, output: stderr, withGuide: false });
  if (isCancel(answer)) throw new UsageError('cancelled');
  return answer ?? '';
};

/** One line of stdin (without its newline); '' at the end of input. */
function readLine(question: string): Promise<string> {
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, terminal: false });
  return new Promise<string>((resolve) => {
    let done = false;
    const finish = (line: string) => {
      if (done) return;
      done = true;
      rl.close();
      resolve(line);
    };
    rl.once('line', finish);
    rl.once('close', () => finish(''));
  });
}
