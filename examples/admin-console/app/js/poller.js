// Keeps a view live: runs `tick` every `interval` ms while started, never two at once, and stops
// for good when its panel signs out. Errors go to `onError` and the polling goes on (the next
// tick may well succeed: a server restarting, a network blip).

/**
 * @param {(signal: AbortSignal) => Promise<void>} tick
 * @param {{ interval: number, onError?: (err: unknown) => void }} options
 */
export function createPoller(tick, { interval, onError }) {
  let timer = null;
  let running = false;
  let controller = null;
  let inFlight = null;

  const schedule = () => {
    if (running) timer = setTimeout(run, interval);
  };
  const run = async () => {
    timer = null;
    if (!running) return;
    controller = new AbortController();
    inFlight = tick(controller.signal).catch((err) => {
      if (!controller?.signal.aborted) onError?.(err);
    });
    await inFlight;
    inFlight = null;
    schedule();
  };

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      controller?.abort();
    },
    /** Runs a tick now (after any one in flight), e.g. right after an action. */
    async now() {
      if (inFlight) await inFlight;
      const c = new AbortController();
      try {
        await tick(c.signal);
      } catch (err) {
        onError?.(err);
      }
    },
    get running() {
      return running;
    },
  };
}
