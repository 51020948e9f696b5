import { SimError } from '../app.js';
import type { TritonState } from './types.js';

/**
 * restify's per-user token bucket: `burst` requests, refilled at `ratePerSec`, on the simulator
 * clock. Over the limit → 429 TooManyRequests (restify sends no Retry-After).
 */
export function throttle(state: TritonState, key: string, now: number, limits: { burst: number; ratePerSec: number } | undefined): void {
  if (!limits) return;
  const b = state.buckets.get(key) ?? { tokens: limits.burst, at: now };
  b.tokens = Math.min(limits.burst, b.tokens + ((now - b.at) / 1000) * limits.ratePerSec);
  b.at = now;
  state.buckets.set(key, b);
  if (b.tokens < 1) throw new SimError(429, 'TooManyRequests', `You have exceeded your request rate of ${limits.ratePerSec} r/s.`);
  b.tokens -= 1;
}
