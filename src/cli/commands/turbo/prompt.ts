import { createInterface } from 'node:readline/promises';

/** Asks the user for text; `hidden` must not echo what is typed. */
export type Prompter = (question: string, options: { hidden: boolean }) => Promise<string>;

/**
 * Prompts on the terminal (stderr for the question, so stdout stays clean JSON). Hidden input
 * switches stdin to raw mode and echoes nothing, like Python's `getpass`.
 */
export const terminalPrompt: Prompter = async (question, { hidden }) => {
  const { stdin, stderr } = process;
  if (!hidden || typeof stdin.setRawMode !== 'function') {
    const rl = createInterface({ input: stdin, output: stderr, terminal: stdin.isTTY === true });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
};
