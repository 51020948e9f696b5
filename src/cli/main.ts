/**
 * Entry point of the `opskit` command (bundled to dist/cli/opskit.cjs; also runnable as
 * `node --import tsx src/cli/main.ts`).
 */
import { processIo } from './io.js';
import { runCli } from './run.js';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): stdout may still be draining into a pipe.
  process.exitCode = code;
});
