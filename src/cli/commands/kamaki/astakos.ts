import type { CommandGroup } from '../../command.js';

/** kamaki command groups of this part, by kamaki's group word (being built). */
export const astakosGroups: Readonly<Record<string, CommandGroup>> = {};
