import type { Json, TurbonomicSimOptions } from './types.js';

/**
 * The Turbonomic version under a CWOM version, for the versions the simulator offers by default
 * (the full table lives in `opskit/turbonomic`; a simulator cannot import a family). Pass
 * `baseVersion` for any other.
 */
export function cwomBaseVersion(version: string): string | undefined {
  const [major, minor, patch = '0'] = version.split('.');
  const p = Number(patch);
  if (major === '2' && minor === '3') return p === 0 ? '6.4.2' : `6.4.${p + 4}`;
  const xl: Record<string, string> = { '0': '8.2', '1': '8.3', '2': '8.4', '3': '8.5', '4': '8.6', '5': '8.7' };
  if (major === '3' && minor !== undefined && xl[minor] !== undefined) return `${xl[minor]}.${p}`;
  return undefined;
}

/**
 * The `admin/versions` body (ProductVersionDTO) as each kind of server sends it:
 * - XL: `Turbonomic Operations Manager 8.3.1 (Build "20210903141421000") "2021-09-03 14:18:33"`,
 *   component lines including `action-orchestrator: `, and the version fields.
 * - Classic: the build without quotes, no orchestrator line, usually no fields.
 * - CWOM: `Cisco Workload Optimization Manager <product version>`, the base version in `version`.
 */
export function versionDto(options: TurbonomicSimOptions): Json {
  const xl = (options.platform ?? 'xl') === 'xl';
  const cwom = options.product === 'cwom';
  const version = options.version ?? (cwom ? (xl ? '3.2.1' : '2.3.5') : xl ? '8.3.1' : '6.4.10');
  const base = options.baseVersion ?? (cwom ? (cwomBaseVersion(version) ?? version) : version);
  const suffix = options.snapshot ? '-SNAPSHOT' : '';
  const build = '20210903141421000';
  const name = cwom ? 'Cisco Workload Optimization Manager' : 'Turbonomic Operations Manager';
  const headline = xl ? `${name} ${version}${suffix} (Build "${build}") "2021-09-03 14:18:33"` : `${name} ${version}${suffix} (Build ${build}) 2021-09-03 14:18:33`;
  const components = xl
    ? ['action-orchestrator', 'api', 'auth', 'clustermgr', 'cost', 'group', 'history', 'market', 'plan-orchestrator', 'repository', 'topology-processor']
    : ['vmturbo', 'api'];
  const versionInfo = `${headline}\n\n${components.map((c) => `${c}: ${base}${suffix}`).join('\n')}\n`;
  const dto: Json = { versionInfo };
  if (options.versionFields ?? xl) {
    dto.version = `${base}${suffix}`;
    dto.branch = base;
    dto.build = build;
    dto.marketVersion = xl ? 2 : 1;
    dto.updates = '';
  }
  return dto;
}
