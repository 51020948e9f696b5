import { createSimApp } from '../app.js';
import { defineSim } from '../define-sim.js';
import type { Sim } from '../sim.js';

/** The Synnefo simulator (being built: answers 404 to everything for now). */
export function createSynnefoSim(_options: Record<string, never> = {}): Sim {
  return defineSim('synnefo', (ctx) => createSimApp(ctx.errorBody));
}
