import type { SimContext } from '../define-sim.js';
import type { TimesysCredentials, TimesysState } from './types.js';

/** Every LLAPI path starts here. */
export const BASE = '/api/v1/vigiles';

/** What every route module needs: the state, fresh tokens, the clock's date, and job settings. */
export interface TimesysEnv {
  readonly ctx: SimContext<TimesysState, TimesysCredentials>;
  readonly state: TimesysState;
  /** A new 32-hex-digit token. */
  token(): string;
  /** The simulator clock as ISO 8601. */
  date(): string;
  readonly jobDelayMs: number;
  readonly asyncJobs: boolean;
}

export function createEnv(ctx: SimContext<TimesysState, TimesysCredentials>, jobDelayMs: number, asyncJobs: boolean): TimesysEnv {
  return {
    ctx,
    state: ctx.state,
    token: () => ctx.random.hex(16),
    date: () => new Date(ctx.clock.now()).toISOString(),
    jobDelayMs,
    asyncJobs,
  };
}
