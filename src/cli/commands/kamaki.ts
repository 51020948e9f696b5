import type { CommandGroup } from '../command.js';

/** `opskit kamaki …`: the Synnefo / Pithos+ CLI (being built). */
export const kamakiCommands: CommandGroup = {
  summary: 'Synnefo and Pithos+: users, quotas, servers, networks, images, volumes, files (kamaki)',
  commands: {},
};
