import type { CommandGroup } from '../command.js';
import { fernetCommands } from './fernet.js';
import { kamakiCommands } from './kamaki.js';
import { mistCommands } from './mist.js';
import { simCommands } from './sim.js';
import { tritonCommands } from './triton.js';
import { turboCommands } from './turbo.js';
import { vigilesCommands } from './vigiles.js';

/**
 * Every command group, by the word that selects it. Families add their group here
 * (one file each under commands/) as they land.
 */
export const commandGroups: Readonly<Record<string, CommandGroup>> = {
  fernet: fernetCommands,
  kamaki: kamakiCommands,
  mist: mistCommands,
  sim: simCommands,
  triton: tritonCommands,
  turbo: turboCommands,
  vigiles: vigilesCommands,
};
