import { createSimApp } from '../app.js';
import { defineSim } from '../define-sim.js';
import type { Sim } from '../sim.js';

/** The mist.io simulator (being built: answers 404 to everything for now). */
export function createMistSim(_options: Record<string, never> = {}): Sim {
  return defineSim('mist', (ctx) => createSimApp(ctx.errorBody));
}
