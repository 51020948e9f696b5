import type { Logger } from './types.js';

interface Base {
  op: string;
  attempt: number;
  method: string;
  url: string;
  /** ms since epoch, from the client's clock. */
  time: number;
}

/** Structured events a client's `logger` receives. Headers, URLs and bodies are redacted. */
export type LogEvent =
  | (Base & { type: 'request'; headers: Record<string, string>; body?: string | Uint8Array | undefined })
  | (Base & { type: 'response'; status: number; durationMs: number; headers: Record<string, string> })
  | (Base & { type: 'retry'; delayMs: number; reason: string })
  | (Base & { type: 'error'; error: { name: string; message: string; code?: string } });

export function emit(logger: Logger | undefined, event: LogEvent): void {
  if (!logger) return;
  try {
    if (typeof logger === 'function') logger(event);
    else logger.log(event);
  } catch {
    // A broken logger must never break the call it observes.
  }
}
