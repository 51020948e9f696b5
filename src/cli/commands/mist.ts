import type { CommandGroup } from '../command.js';

/** `opskit mist …`: the mist.io CLI (being built). */
export const mistCommands: CommandGroup = {
  summary: 'mist.io: backends, machines, keys, monitoring (mist.client CLI)',
  commands: {},
};
