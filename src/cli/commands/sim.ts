import { serve } from '../../node/index.js';
import { createSim, isSimName, simNames } from '../../sim/index.js';
import { printJson, type CommandGroup } from '../command.js';
import { parsePort } from '../input.js';
import { UsageError } from '../usage-error.js';

/** `opskit sim …`: run the built-in simulators. */
export const simCommands: CommandGroup = {
  summary: 'run the built-in API simulators',
  commands: {
    serve: {
      summary: 'serve a simulator over HTTP until interrupted',
      usage: '<family> [--port N] [--host H]',
      details:
        'Prints one JSON line {"url": …, "credentials": …} once listening, then serves until SIGINT or SIGTERM.\n' +
        `Families: ${simNames.join(', ')}.`,
      options: {
        port: { type: 'string', valueName: 'N', description: 'TCP port (default 0: any free port)' },
        host: { type: 'string', valueName: 'H', description: 'interface to bind (default 127.0.0.1)' },
      },
      args: { min: 1, max: 1 },
      async run({ values, positionals, io }) {
        const family = positionals[0] as string;
        if (!isSimName(family)) {
          throw new UsageError(`unknown simulator ${JSON.stringify(family)}; known: ${simNames.join(', ')}`);
        }
        const port = typeof values.port === 'string' ? parsePort(values.port) : 0;
        const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
        const sim = createSim(family);
        const server = await serve(sim, { port, host });
        printJson(io, { url: server.url, credentials: servedCredentials(sim.credentials, sim.url, server.url) });
        await io.waitForStop();
        await server.close();
      },
    },
    list: {
      summary: 'print the known simulators as {"simulators": […]}',
      usage: '',
      async run({ io }) {
        printJson(io, { simulators: simNames });
      },
    },
  },
};

/** Credentials that name the simulator's in-process URL (an auth URL) point at the served one instead. */
function servedCredentials(credentials: Record<string, unknown>, simUrl: string, servedUrl: string): Record<string, unknown> {
  const base = simUrl.replace(/\/+$/, '');
  return Object.fromEntries(
    Object.entries(credentials).map(([k, v]) => [k, typeof v === 'string' && v.startsWith(base) ? `${servedUrl.replace(/\/+$/, '')}${v.slice(base.length)}` : v]),
  );
}
