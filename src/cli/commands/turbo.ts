import { walkCommands, type CommandGroup } from '../command.js';
import { terminalPrompt, type Prompter } from '../prompt.js';
import { authCommand } from './turbo/auth.js';
import { listCommand } from './turbo/list.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The `opskit turbo` group: `auth create|get` (vmt-connect's `turboauth`) and JSON listings of
 * entities, actions, groups and markets. `prompt` is injectable for tests.
 */
export function createTurboCommands(options: { prompt?: Prompter } = {}): CommandGroup {
  const prompt = options.prompt ?? terminalPrompt;
  const commands: CommandGroup['commands'] = {
    auth: authCommand(prompt),
    entities: listCommand('the entities of a market', prompt, (conn, v, limit) => conn.getEntities({ limit, type: str(v.type), market: str(v.market) }), {
      type: { type: 'string', valueName: 'CLASS', description: 'only this className, e.g. VirtualMachine' },
      market: { type: 'string', valueName: 'UUID', description: 'market (default Market, the real-time market)' },
    }, 'turbo entities'),
    actions: listCommand('the actions of a market', prompt, (conn, v, limit) => conn.getActions({ limit, market: str(v.market) }), {
      market: { type: 'string', valueName: 'UUID', description: 'market (default Market)' },
    }, 'turbo actions'),
    groups: listCommand('every group', prompt, (conn, _v, limit) => conn.getGroups({ limit }), {}, 'turbo groups'),
    markets: listCommand('every market', prompt, (conn, _v, limit) => conn.getMarkets({ limit }), {}, 'turbo markets'),
  };
  return {
    summary: 'Turbonomic: encrypted credentials (turboauth) and JSON listings',
    commands,
    walk: () => walkCommands(commands),
  };
}

/** `opskit turbo …` with the terminal prompt. */
export const turboCommands: CommandGroup = createTurboCommands();
