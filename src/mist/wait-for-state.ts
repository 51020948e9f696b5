import { DryRunSignal, isDryRunRequest } from '../core/dry-run.js';
import { checkOptions } from '../core/options.js';
import { waitFor, type WaitOptions } from '../core/wait-for.js';
import type { Machine } from './machine.js';
import { namesOf } from '../core/options.js';
import type { MachineInfo, MachineState } from './types.js';

/** Options of {@link waitForState}: the core `waitFor` options (interval, timeout, signal, onProgress, silent, …). */
export type WaitForStateOptions = Omit<WaitOptions<MachineInfo>, 'what'>;

const WAIT_OPTIONS = namesOf<WaitForStateOptions>()('interval', 'timeout', 'signal', 'onProgress', 'silent', 'transient', 'now', 'sleep');

/**
 * Waits until `machine` is in `state` (one of several, or a predicate on the listed machine):
 * polls the backend's machine list (refilling its cache) every `interval` ms (default 2000) until
 * `timeout` (default 5 minutes), then throws TimeoutError (or, with `silent`, resolves). A machine
 * gone from the list counts as `terminated`. Transient failures (5xx, 429, resets) are ridden out;
 * `signal` aborts the wait and the request in flight. `onProgress` sees every poll.
 */
export async function waitForState(
  machine: Machine,
  state: MachineState | readonly MachineState[] | ((machine: MachineInfo) => boolean),
  options: WaitForStateOptions = {},
): Promise<Machine> {
  return machine.waitForState(state, options);
}

/** @internal The poll loop behind Machine.waitForState. */
export async function waitForMachine(
  machine: Machine,
  state: MachineState | readonly MachineState[] | ((machine: MachineInfo) => boolean),
  given: WaitForStateOptions,
): Promise<MachineInfo> {
  const options = checkOptions('Machine.waitForState()', given, WAIT_OPTIONS);
  const wanted = typeof state === 'function' ? undefined : Array.isArray(state) ? (state as readonly MachineState[]) : [state as MachineState];
  const done = typeof state === 'function' ? state : (m: MachineInfo) => wanted!.includes(m.state);
  const what = wanted ? `machine ${machine.id} to be ${wanted.join(' or ')}` : `machine ${machine.id}`;
  const poll = async (_attempt: number, ctx: { signal: AbortSignal }): Promise<MachineInfo> => {
    const list = await machine.backend._listMachines(ctx.signal);
    // Through a dry-run Backend the list request resolves as a request: end the wait with it.
    if (isDryRunRequest(list)) throw new DryRunSignal(list);
    const machines = machine.backend._adoptMachines(list);
    const fresh = machines.get(machine.id);
    if (fresh) {
      if (fresh !== machine) machine._refresh(fresh.info);
      return fresh.info;
    }
    machine._refresh({ ...machine.info, state: 'terminated' });
    return machine.info;
  };
  // A dry run's signal is not a transient failure, so it ends the wait at once and the facade
  // wrapper turns it into the request.
  return waitFor(poll, done, { interval: 2000, ...options, what });
}
