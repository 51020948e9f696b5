import type { TimesysEnv } from './env.js';
import type { TimesysActivity } from './types.js';

/** Records an activity-log entry made through the API. */
export function logActivity(env: TimesysEnv, entry: Omit<TimesysActivity, 'date' | 'method'> & Partial<Pick<TimesysActivity, 'method'>>): void {
  env.state.activity.push({ method: 'api', ...entry, date: env.date() });
}
