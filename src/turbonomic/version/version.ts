import { VMTUnknownVersion } from '../errors/vmt-unknown-version.js';
import { versionMappings, whiteLabelNames } from './cwom.js';
import { serializeVersion, versionParts } from './serialize.js';

/** The `admin/versions` body (ProductVersionDTO). */
export interface ProductVersion {
  versionInfo: string;
  version?: string | undefined;
  branch?: string | undefined;
  build?: string | undefined;
  marketVersion?: number | string | undefined;
  updates?: string | undefined;
  [extra: string]: unknown;
}

// Anchored at the start; `.` does not cross newlines, so only the first line can match.
const HEADLINE = /^.* Manager ([\d.]+)([-\w]+)? \(Build "?(\d+)"?\)/;
const SNAPSHOT = '-SNAPSHOT';

function stripSuffix(value: string, suffix: string | undefined): string {
  return suffix && value.endsWith(suffix) ? value.slice(0, -suffix.length) : value;
}

/**
 * A server version, parsed the way upstream's `Version` does (protocols §3), with its bugs
 * fixed: suffixes are stripped as suffixes (not as character sets), `baseBuild` is the build
 * number (not the quote character), a short base version does not crash, and an unknown
 * white-label product leaves `baseVersion` undefined instead of crashing.
 *
 * @example
 * ```ts
 * const v = new Version(await (await fetch(`${base}admin/versions`)).json());
 * v.version; v.baseVersion; v.isXl(); String(v); // product version
 * ```
 */
export class Version {
  /** The whole `versionInfo` text. */
  readonly versionInfo: string;
  /** First word of `versionInfo`: `Turbonomic`, `Cisco`, … */
  readonly product: string;
  /** The product's own version from `versionInfo` (`2.3.5` for CWOM 2.3.5). */
  readonly version: string;
  /** Suffix after the version in `versionInfo` (`-SNAPSHOT`, `-rc1`), if any. */
  readonly extra: string | undefined;
  /** A development build: a suffix in `versionInfo`, or `-SNAPSHOT` in a DTO field. */
  readonly snapshot: boolean;
  /** The Turbonomic version underneath (for white-label products, from the mapping table). */
  readonly baseVersion: string | undefined;
  readonly baseBranch: string | undefined;
  readonly baseBuild: string | undefined;
  /** 1 on Classic, 2 on XL (as the server says). */
  readonly marketVersion: number | string | undefined;
  readonly updates: string | undefined;
  /** `versionInfo` lines (trailing newlines removed; blank lines kept). */
  readonly components: readonly string[];
  readonly baseMajor: number;
  readonly baseMinor: number;
  readonly basePatch: number;
  /** Fourth part of the base version, or 0. */
  readonly baseExtra: number;
  /** `xl` when `versionInfo` lists `action-orchestrator: ` and the base major is 7 or more. */
  readonly platform: 'xl' | 'classic';
  /** Upstream's `_version`: `serializeVersion(baseVersion)` (`repr(v)` upstream). */
  readonly serial: string | undefined;

  /**
   * @throws VMTUnknownVersion when `versionInfo` does not have the `… Manager <version> (Build <n>)`
   *   headline, or a white-label version is missing from the mapping table.
   */
  constructor(dto: ProductVersion) {
    const info = typeof dto?.versionInfo === 'string' ? dto.versionInfo : '';
    this.versionInfo = info;
    this.product = /^(\S+)\s/.exec(info)?.[1] ?? '';
    const m = HEADLINE.exec(info);
    if (!m) throw new VMTUnknownVersion('Unable to parse the version: versionInfo has no "… Manager <version> (Build <n>)" headline');
    this.version = m[1] as string;
    this.extra = m[2];
    const headlineBuild = m[3];
    let snapshot = this.extra !== undefined;

    const field = <T>(value: T): T | string => {
      if (typeof value !== 'string') return value;
      if (value.includes(SNAPSHOT)) snapshot = true;
      return stripSuffix(stripSuffix(value, SNAPSHOT), this.extra);
    };
    let baseVersion = field(dto.version) as string | undefined;
    let baseBranch = field(dto.branch) as string | undefined;
    let baseBuild = field(dto.build) as string | undefined;
    this.marketVersion = field(dto.marketVersion);
    this.updates = dto.updates;

    // Old Classic, and XL before it filled the fields, send only versionInfo.
    if (!baseBranch || !baseVersion) {
      const label = whiteLabelNames[this.product];
      if (this.product === 'Turbonomic') {
        baseVersion = baseBranch = this.version;
        baseBuild ??= headlineBuild;
      } else if (label !== undefined) {
        const mapped = versionMappings[label]?.[this.version];
        if (mapped === undefined) throw new VMTUnknownVersion(`Unknown ${this.product} version ${this.version}: not in the ${label} version table`);
        baseVersion = mapped;
      }
    }
    this.snapshot = snapshot;
    this.baseVersion = baseVersion || undefined;
    this.baseBranch = baseBranch || undefined;
    this.baseBuild = baseBuild || undefined;
    this.serial = this.baseVersion === undefined ? undefined : serializeVersion(this.baseVersion);
    this.components = info.replace(/\n+$/, '').split('\n');
    const [major, minor, patch, extra] = this.baseVersion === undefined ? [0, 0, 0, 0] : versionParts(this.baseVersion);
    this.baseMajor = major;
    this.baseMinor = minor;
    this.basePatch = patch;
    this.baseExtra = extra;
    this.platform = info.includes('action-orchestrator: ') && major >= 7 ? 'xl' : 'classic';
  }

  /** True on XL (7.x and later with the action orchestrator). */
  isXl(): boolean {
    return this.platform === 'xl';
  }

  /** The product version, as upstream's `str(v)`. */
  toString(): string {
    return this.version;
  }
}
