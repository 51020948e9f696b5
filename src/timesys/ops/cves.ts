import type { LlapiContext } from '../context.js';
import { CVE_FIELDS, JUSTIFICATIONS, STATUS_SCOPES, VULN_STATUSES, type CveField, type Justification, type StatusScope, type VulnStatusValue } from '../constants.js';
import type { CveInfo, CveSearchResult, RequestOptions, SuccessMessage, VulnStatus } from '../types.js';
import { oneOf, optionalOneOf, required, stringList } from '../validate.js';

export interface SetStatusOptions extends RequestOptions {
  justification?: Justification;
  justificationDetail?: string;
  packageVersion?: string;
  manifestTokens?: readonly string[];
  /** With scope `group` and none given, the configured group token is used. */
  groupTokens?: readonly string[];
}

const C = '/api/v1/vigiles/cves/{cve_id}' as const;

/** `get_cve_info(cve_id, fields=None)`. */
export async function getCveInfo(ctx: LlapiContext, cveId: string, o: { fields?: readonly CveField[] } & RequestOptions = {}): Promise<CveInfo> {
  required(cveId, 'cve_id');
  const fields = stringList(o.fields, 'fields')?.map((f) => oneOf(f, CVE_FIELDS, 'fields'));
  return ctx.send({ method: 'GET', path: C, pathParams: { cve_id: cveId }, params: { fields }, signal: o.signal, timeout: o.timeout });
}

/** `search_cves_by_product(product, version="", ids_only=False)`: `version` is always sent. */
export async function searchCvesByProduct(
  ctx: LlapiContext, product: string, o: { version?: string; idsOnly?: boolean } & RequestOptions = {},
): Promise<CveSearchResult> {
  required(product, 'cpe_product');
  return ctx.send({
    method: 'GET', path: '/api/v1/vigiles/cves',
    params: { product, version: o.version ?? '', ids_only: o.idsOnly ?? false },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `set_status(scope, cve_id, package_name, status, …)`: note the wire name `package`. */
export async function setStatus(
  ctx: LlapiContext, scope: StatusScope, cveId: string, packageName: string, status: VulnStatusValue, o: SetStatusOptions = {},
): Promise<SuccessMessage> {
  oneOf(scope, STATUS_SCOPES, 'scope');
  required(cveId, 'cve_id');
  required(packageName, 'package_name');
  required(status, 'status');
  oneOf(status, VULN_STATUSES, 'status');
  const groupTokens = stringList(o.groupTokens, 'group_tokens');
  return ctx.send({
    method: 'POST', path: `${C}/vuln-status`, pathParams: { cve_id: cveId },
    params: {
      scope,
      package: packageName,
      status,
      justification: optionalOneOf(o.justification, JUSTIFICATIONS, 'justification'),
      package_version: o.packageVersion,
      justification_detail: o.justificationDetail,
      manifest_tokens: stringList(o.manifestTokens, 'manifest_tokens'),
      group_tokens: scope === 'group' && !groupTokens?.length && ctx.groupToken ? [ctx.groupToken] : groupTokens,
    },
    signal: o.signal, timeout: o.timeout,
  });
}

/** `get_vuln_status(cve_id, package_name, package_version, manifest_token)`: all required. */
export async function getVulnStatus(
  ctx: LlapiContext, cveId: string, packageName: string, packageVersion: string, manifestToken: string, o: RequestOptions = {},
): Promise<VulnStatus> {
  required(cveId, 'cve_id');
  required(packageName, 'package_name');
  required(packageVersion, 'package_version');
  required(manifestToken, 'manifest_token');
  return ctx.send({
    method: 'GET', path: `${C}/vuln-status`, pathParams: { cve_id: cveId },
    params: { manifest_token: manifestToken, package_name: packageName, package_version: packageVersion },
    ...o,
  });
}
