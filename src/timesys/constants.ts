/**
 * Allowed values upstream validates against (protocols §3), checked client-side before any request.
 * test/unit/timesys/spec.test.ts holds them equal to the spec's enums.
 */

/** `download_report` formats. */
export const REPORT_FORMATS = ['csv', 'pdf', 'pdfsummary', 'xlsx', 'cyclonedx-vex', 'cyclonedx-sbom-vex'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `upload_manifest` export formats (`spdx_3-sbom-vex` arrived with the newer enterprise code). */
export const EXPORT_FORMATS = ['pdf', 'pdfsummary', 'xlsx', 'csv', 'cyclonedx-vex', 'cyclonedx-sbom-vex', 'spdx_3-sbom-vex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const SBOM_FORMATS = ['spdx', 'spdx-lite', 'cyclonedx'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

export const CYCLONEDX_FORMATS = ['json', 'xml'] as const;
export type CycloneDxFormat = (typeof CYCLONEDX_FORMATS)[number];

export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];

/** Documented `extra_fields` (sent as repeated `with_field`); upstream only checks they are strings. */
export const EXTRA_FIELDS = ['assigner', 'description', 'impact', 'modified', 'problem_types', 'published', 'references'] as const;

/** `get_cve_info` fields. */
export const CVE_FIELDS = [
  'affected_configurations', 'assigner', 'description', 'identifier', 'impact', 'modified',
  'problem_types', 'published', 'references', 'nvd_status', 'cisa', 'epss',
] as const;
export type CveField = (typeof CVE_FIELDS)[number];

export const VULN_IDENTIFIERS = ['PURL', 'CPE', 'CVE Product', 'Package Name'] as const;
export type VulnIdentifier = (typeof VULN_IDENTIFIERS)[number];

export const LOG_TYPES = [
  'create_note', 'delete_note', 'import_note', 'update_vuln_status', 'import_vuln_status',
  'update_custom_score', 'import_custom_score', 'create_jira_issue', 'delete_jira_issue',
] as const;
export type LogType = (typeof LOG_TYPES)[number];

export const LOG_METHODS = ['ui', 'api'] as const;
export type LogMethod = (typeof LOG_METHODS)[number];

export const STATUS_SCOPES = ['manifest', 'group', 'all'] as const;
export type StatusScope = (typeof STATUS_SCOPES)[number];

export const VULN_STATUSES = ['resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage', 'false_positive', 'not_affected'] as const;
export type VulnStatusValue = (typeof VULN_STATUSES)[number];

export const JUSTIFICATIONS = [
  'code_not_present', 'code_not_reachable', 'requires_configuration', 'requires_dependency', 'requires_environment',
  'protected_by_compiler', 'protected_at_runtime', 'protected_at_perimeter', 'protected_by_mitigating_control',
] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

/** Notification schedules of an upload; upstream does not validate them. */
export type Subscribe = 'none' | 'daily' | 'weekly' | 'monthly';

/** The exact list `ecosystems: "all"` expands to (protocols §3.3), in upstream's order. */
export const ECOSYSTEMS = [
  'Android', 'Bitnami', 'CRAN', 'GIT', 'GSD', 'GitHub Actions', 'Go', 'Hackage', 'Hex', 'Linux', 'Maven', 'NuGet',
  'OSS-Fuzz', 'Packagist', 'Pub', 'PyPI', 'RubyGems', 'SwiftURL', 'UVI', 'crates.io', 'npm', 'AlmaLinux',
  'AlmaLinux:8', 'AlmaLinux:9', 'Alpine', 'Alpine:v3.10', 'Alpine:v3.11', 'Alpine:v3.12', 'Alpine:v3.13',
  'Alpine:v3.14', 'Alpine:v3.15', 'Alpine:v3.16', 'Alpine:v3.17', 'Alpine:v3.18', 'Alpine:v3.19', 'Alpine:v3.2',
  'Alpine:v3.20', 'Alpine:v3.3', 'Alpine:v3.4', 'Alpine:v3.5', 'Alpine:v3.6', 'Alpine:v3.7', 'Alpine:v3.8',
  'Alpine:v3.9', 'Debian', 'Debian:10', 'Debian:11', 'Debian:12', 'Debian:13', 'Debian:3.0', 'Debian:3.1',
  'Debian:4.0', 'Debian:5.0', 'Debian:6.0', 'Debian:7', 'Debian:8', 'Debian:9', 'Rocky Linux', 'Rocky Linux:8',
  'Rocky Linux:9', 'Ubuntu', 'Ubuntu:14.04:LTS', 'Ubuntu:16.04:LTS', 'Ubuntu:18.04:LTS', 'Ubuntu:20.04:LTS',
  'Ubuntu:22.04:LTS', 'Ubuntu:23.10', 'Ubuntu:24.04:LTS', 'Ubuntu:Pro:14.04:LTS', 'Ubuntu:Pro:16.04:LTS',
  'Ubuntu:Pro:18.04:LTS', 'Ubuntu:Pro:20.04:LTS', 'Ubuntu:Pro:22.04:LTS', 'Ubuntu:Pro:24.04:LTS',
] as const;
