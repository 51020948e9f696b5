import type { CommandGroup } from '../command.js';
import { instanceCommand } from './triton/instance.js';
import { listCommands } from './triton/lists.js';

/** `opskit triton …`: Triton CloudAPI from the command line (signed with ssh-agent, ~/.ssh or a key file). */
export const tritonCommands: CommandGroup = {
  summary: 'Joyent Triton CloudAPI: instances, images, packages, networks, keys',
  commands: { ...listCommands, instance: instanceCommand },
};
