import { createInterface } from 'node:readline/promises';

/** Asks the user for text; `hidden` must not echo what is typed. */
export type MistPrompter = (question: string, options: { hidden: boolean }) => Promise<string>;

/**
 * Prompts on the terminal, the question on stderr so stdout stays clean JSON. Hidden input puts a
 * TTY stdin in raw mode and echoes nothing (Python's getpass); without a TTY it reads a line.
 */
export const terminalPrompt: MistPrompter = async (question, { hidden }) => {
  const { stdin, stderr } = process;
  if (!hidden || typeof stdin.setRawMode !== 'function' || stdin.isTTY !== true) {
    const rl = createInterface({ input: stdin, output: stderr, terminal: false });
    stderr.write(question);
    try {
      const line = await new Promise<string>((resolve) => {
        rl.once('line', resolve);
        rl.once('close', () => resolve(''));
      });
      return line;
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
