/** What a dry-run call resolves with: the request exactly as it would go out. */
export interface DryRunRequest {
  dryRun: true;
  op: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Text bodies as a string (secret fields redacted), binary ones as bytes. */
  body: string | Uint8Array | undefined;
  /** The exact signing input, where the auth scheme has one. */
  signed: string | undefined;
  /** Scheme-specific fields (e.g. `hmacMsg`, `data`). */
  [extra: string]: unknown;
}

/**
 * Thrown through openapi-fetch and facade code to stop a dry-run call before anything is sent.
 * Facades turn it back into a resolved value (see `dryRunnable`), so users never see it.
 */
export class DryRunSignal {
  constructor(readonly request: DryRunRequest) {}
}

export function isDryRunRequest(value: unknown): value is DryRunRequest {
  return typeof value === 'object' && value !== null && (value as { dryRun?: unknown }).dryRun === true;
}

/** Run `fn`; a dry-run signal becomes the resolved request. */
export async function catchDryRun<T>(fn: () => Promise<T>): Promise<T | DryRunRequest> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DryRunSignal) return e.request;
    throw e;
  }
}

/**
 * Wrap a facade so every async method resolves with the DryRunRequest of the first request it
 * would send, instead of running on. Anything but a real Promise (e.g. a `Paged`, which is
 * awaitable too) passes through: those handle dry runs themselves.
 */
export function dryRunnable<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      // The target as receiver: getters then run on the real object, whose #private fields a proxy lacks.
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return function (this: unknown, ...args: unknown[]) {
        const out = value.apply(this === receiver ? obj : this, args);
        // Only real promises: a list that is awaitable and iterable (Paged) resolves a dry run itself.
        if (out instanceof Promise) {
          return out.catch((e: unknown) => {
            if (e instanceof DryRunSignal) return e.request;
            throw e;
          });
        }
        return out;
      };
    },
  });
}
