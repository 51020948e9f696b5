import { createSimApp } from '../app.js';
import { defineSim } from '../define-sim.js';
import type { Sim } from '../sim.js';

/** The Pithos+ simulator (being built: answers 404 to everything for now). */
export function createPithosSim(_options: Record<string, never> = {}): Sim {
  return defineSim('pithos', (ctx) => createSimApp(ctx.errorBody));
}
