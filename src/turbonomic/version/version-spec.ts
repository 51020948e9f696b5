import { VMTFormatError } from '../errors/vmt-format-error.js';
import { VERSION_SPEC_ALIASES, VERSION_SPEC_OPTIONS } from '../option-names.js';
import { checkOptions } from '../../core/options.js';
import { VMTVersionError } from '../errors/vmt-version-error.js';
import type { WarningHandler } from '../warnings/index.js';
import { VMTMinimumVersionWarning } from '../warnings/vmt-minimum-version-warning.js';
import { VMTVersionWarning } from '../warnings/vmt-version-warning.js';
import { compareVersions } from './serialize.js';
import type { Version } from './version.js';

/** Options of {@link VersionSpec}. */
export interface VersionSpecOptions {
  /** Versions that make `check` return false (same syntax as `versions`). Never throws. */
  exclude?: readonly string[] | undefined;
  /** Throw `VMTVersionError` when nothing matches (default true); otherwise warn and return false. */
  required?: boolean | undefined;
  /** Accept snapshot builds with a warning (default false: they throw). */
  snapshot?: boolean | undefined;
  /** Compare the Turbonomic base version (default true), not a white-label product's own number. */
  cmpBase?: boolean | undefined;
  /** Receives the warnings upstream emits through Python's `warnings` (never printed by opskit). */
  onWarning?: WarningHandler | undefined;
}

const ENTRY = /^\d+(\.\d+)*\+?$/;

function validated(list: unknown, what: string): string[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new VMTFormatError('Invalid input format');
  for (const v of list) {
    if (typeof v !== 'string' || !ENTRY.test(v.trim())) throw new VMTFormatError(`Invalid ${what} entry ${JSON.stringify(v)}`);
  }
  // A sorted copy: upstream sorts the caller's own list in place.
  return list.map((v: string) => v.trim()).sort();
}

/** Upstream `_check`: an entry matches exactly, or from its version up when it ends with `+`. */
function matches(value: string, entries: readonly string[]): boolean {
  for (const v of entries) {
    const plus = v.endsWith('+');
    const res = compareVersions(value, plus ? v.slice(0, -1) : v);
    if (res === 0 || (res > 0 && plus)) return true;
  }
  return false;
}

/**
 * A version requirement (protocols §4): a list of dotted versions, each optionally ending in
 * `+` ("this or later", with no upper bound). Without `+` a version matches exactly on four
 * parts: `6.4` means 6.4.0.0, not the 6.4 branch.
 *
 * @example
 * ```ts
 * new VersionSpec(['7.21+']).check(version);            // true, or throws VMTVersionError
 * new VersionSpec(['6.0+'], { exclude: ['6.4.10'] }).check(v); // false for 6.4.10
 * ```
 */
export class VersionSpec {
  readonly versions: readonly string[];
  readonly exclude: readonly string[];
  readonly required: boolean;
  readonly snapshot: boolean;
  readonly cmpBase: boolean;
  readonly #onWarning: WarningHandler | undefined;

  /**
   * @throws VMTFormatError when `versions` or `exclude` is not a list of dotted versions.
   * @throws ConfigError for an unknown option name (upstream's `cmp_base` → `cmpBase`).
   */
  constructor(versions?: readonly string[] | null, options: VersionSpecOptions = {}) {
    options = checkOptions(`new ${new.target?.name ?? 'VersionSpec'}()`, options, VERSION_SPEC_OPTIONS, VERSION_SPEC_ALIASES);
    this.versions = validated(versions, 'version');
    this.exclude = validated(options.exclude, 'exclude');
    this.required = options.required ?? true;
    this.snapshot = options.snapshot ?? false;
    this.cmpBase = options.cmpBase ?? true;
    this.#onWarning = options.onWarning;
  }

  /**
   * Checks a server version, in upstream's order: pick the value (base version, or the product
   * version with `cmpBase: false` or when there is no base version), refuse snapshots, return
   * false when excluded, then match `versions`.
   * @returns true on a match; false when excluded, or unmatched and not required.
   * @throws VMTVersionError for a snapshot build (unless `snapshot`), or when required and unmatched.
   */
  check(version: Version, options: { onWarning?: WarningHandler | undefined } = {}): boolean {
    options = checkOptions('VersionSpec.check()', options, ['onWarning']);
    const warn = (w: VMTVersionWarning) => (options.onWarning ?? this.#onWarning)?.(w);
    let value: string;
    if (this.cmpBase && version.baseVersion !== undefined) {
      value = version.baseVersion;
    } else {
      if (this.cmpBase) warn(new VMTVersionWarning('Version does not contain a base version, using primary version as base.'));
      value = version.version;
    }
    if (version.snapshot) {
      if (!this.snapshot) throw new VMTVersionError('Snapshot build detected.');
      warn(new VMTVersionWarning('Snapshot build detected.'));
    }
    if (matches(value, this.exclude)) return false;
    if (matches(value, this.versions)) return true;
    if (this.required) throw new VMTVersionError('Required version not met');
    warn(new VMTMinimumVersionWarning('Your version of Turbonomic does not meet the minimum recommended version. You may experience unexpected errors, and are strongly encouraged to upgrade.'));
    return false;
  }
}

/**
 * Upstream's deprecated `VMTVersion`: a {@link VersionSpec} that is optional by default.
 * @deprecated Use `VersionSpec` (with `required: false`).
 */
export class VMTVersion extends VersionSpec {
  constructor(versions?: readonly string[] | null, options: VersionSpecOptions = {}) {
    // Only a plain options object gets the default; anything else is VersionSpec's to refuse.
    const o = options ?? {};
    super(versions, typeof o === 'object' && !Array.isArray(o) && !('required' in o) ? { ...o, required: false } : o);
  }
}
