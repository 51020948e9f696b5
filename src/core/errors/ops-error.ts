/** Where an error records the kinds (branded class names) it is, readable across copies of opskit. */
const KINDS = Symbol.for('opskit.error.kinds');

/**
 * Base of every error opskit throws. `code` is a stable machine-readable name.
 *
 * `instanceof` works across copies of opskit (the ESM and the CJS build in one process, or two
 * bundles): each class that declares its own static `kind` brands its instances with it, under a
 * `Symbol.for` key every copy shares, and `Symbol.hasInstance` accepts a branded value. Classes that
 * declare no `kind` of their own keep plain `instanceof`.
 */
export class OpsError extends Error {
  /** The brand of this class; unique across opskit (`opskit:<Name>`, `opskit/<family>:<Name>`). */
  static readonly kind: string = 'opskit:OpsError';
  override name = 'OpsError';
  /** Stable, machine-readable error kind (e.g. `HTTP_ERROR`, `TIMEOUT`). */
  readonly code: string;

  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? 'OPS_ERROR';
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!Object.prototype.hasOwnProperty.call(this, 'kind') || typeof value !== 'object' || value === null) return false;
    const kinds = (value as Record<symbol, unknown>)[KINDS];
    return Array.isArray(kinds) && kinds.includes((this as typeof OpsError).kind);
  }
}

function kindsOf(ctor: Function): string[] {
  const out: string[] = [];
  for (let c: Function | null = ctor; c && c !== Error; c = Object.getPrototypeOf(c) as Function | null) {
    if (Object.prototype.hasOwnProperty.call(c, 'kind')) out.push((c as unknown as { kind: string }).kind);
  }
  return out;
}

/** True for any error opskit threw, whichever copy of opskit (ESM, CJS, a bundle) threw it. */
export function isOpsError(value: unknown): value is OpsError {
  return value instanceof OpsError;
}
