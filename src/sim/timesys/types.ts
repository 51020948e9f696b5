import type { Clock } from '../clock.js';
import type { Sim } from '../sim.js';

/** A user: an e-mail and the API key their key file holds. */
export interface TimesysUser {
  email: string;
  key: string;
  organizationToken: string;
  /** Token of the user's Private Workspace group. */
  privateWorkspace: string;
}

export interface TimesysMember {
  email: string;
  /** `admin` may manage the group (members, settings, archive, delete); any other role may read and upload. */
  role: string;
  allowAccessToSubgroups: boolean;
}

export interface TimesysGroupSettings {
  vulnIdentifiers: string[];
  vulnStrictMatch: boolean;
  reportDepVulns: boolean;
  autoCloseJiraIssues: boolean;
  generateVulnAttrOnDate: boolean;
}

export interface TimesysGroup {
  token: string;
  name: string;
  description: string;
  /** `Group`, `Subgroup` or `Private Workspace`. */
  groupType: string;
  organizationToken: string;
  parentToken: string | null;
  archived: boolean;
  members: TimesysMember[];
  settings: TimesysGroupSettings;
}

export interface TimesysFolder {
  token: string;
  name: string;
  description: string;
  groupToken: string;
  parentToken: string | null;
  archived: boolean;
  creationDate: string;
}

/** An uploaded SBOM; `text` is exactly what the `manifest` field carried. */
export interface TimesysManifest {
  token: string;
  name: string;
  text: string;
  groupToken: string;
  folderToken: string | null;
  uploadDate: string;
  kernelConfig?: string;
  ubootConfig?: string;
  ecosystems?: string;
  subscribe?: string;
}

/** One CVE matched to one package at scan time; statuses and scores apply when a report is read. */
export interface TimesysMatch {
  package: string;
  version: string;
  cveId: string;
}

export interface TimesysReport {
  token: string;
  manifestToken: string;
  createdDate: string;
  /** 1 for the upload's scan, then one more per rescan. */
  manifestVersion: number;
  matches: TimesysMatch[];
}

/** A CVE of the simulator's small vulnerability database. */
export interface TimesysCve {
  id: string;
  product: string;
  /** First affected version (inclusive), when not every older version is affected. */
  introduced?: string;
  /** First fixed version. */
  fixedIn?: string;
  cvss: number;
  vector: string;
  description: string;
  published: string;
  modified: string;
  assigner: string;
  problemTypes: string[];
  references: string[];
  epss: number | null;
  cisa: Record<string, unknown> | null;
}

export interface TimesysVulnStatus {
  cveId: string;
  package: string;
  packageVersion: string | null;
  status: string;
  justification: string | null;
  detail: string | null;
  scope: string;
  manifestTokens: string[];
  groupTokens: string[];
  updated: string;
  user: string;
}

export interface TimesysCustomScore {
  manifestToken: string;
  package: string;
  version: string | null;
  cveId: string;
  score: number;
}

export interface TimesysActivity {
  date: string;
  log_type: string;
  method: 'ui' | 'api';
  description: string;
  group: string | null;
  folder: string | null;
  report: string | null;
  manifest: string | null;
  user: string;
  vuln_id: string | null;
  package: string | null;
  package_version: string | null;
}

/** A background upload or rescan; its work runs once, when its delay has passed and it is polled. */
export interface TimesysJob {
  id: string;
  user: string;
  createdAtMs: number;
  status?: 'succeeded' | 'failed';
  result?: Record<string, unknown>;
  error?: string;
  work: () => Record<string, unknown>;
}

/** The simulator's in-memory state, keyed by token (Maps keep insertion order). */
export interface TimesysState {
  users: Map<string, TimesysUser>;
  groups: Map<string, TimesysGroup>;
  folders: Map<string, TimesysFolder>;
  manifests: Map<string, TimesysManifest>;
  reports: Map<string, TimesysReport>;
  cves: TimesysCve[];
  vulnStatuses: TimesysVulnStatus[];
  customScores: TimesysCustomScore[];
  activity: TimesysActivity[];
  jobs: Map<string, TimesysJob>;
  /** When set, the next job fails with this error. */
  failNextJob: string | undefined;
}

/** The seeded user's credentials, and the tokens a dashboard config would hold. */
export interface TimesysCredentials extends Record<string, unknown> {
  email: string;
  key: string;
  /** The seeded group "Product A". */
  groupToken: string;
  /** The seeded folder "Release 1" in that group. */
  folderToken: string;
}

/** Options of `createSim('timesys', …)`. */
export interface TimesysSimOptions {
  /** E-mail of the seeded user (default `user@example.com`, the protocol vectors' e-mail). */
  email?: string;
  /** API key of the seeded user (default `abc123`, the protocol vectors' key). */
  key?: string;
  /** A job is queued for half of this, running for the other half, then done (default 1000 ms). */
  jobDelayMs?: number;
  /** Behave like an older server that ignores `async` and always answers with the result (default true). */
  asyncJobs?: boolean;
  /** Clock for dates and jobs (default: real time). */
  clock?: Clock;
  /** Seed for tokens; without it they come from `crypto.getRandomValues`. */
  seed?: number;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
}

/** The Timesys Vigiles simulator. */
export interface TimesysSim extends Sim<TimesysState, TimesysCredentials> {
  /** A key file for the seeded user (`{"email","key"}`); with `url`, an Enterprise one with `server_url`. */
  keyFile(url?: string): string;
  /** A dashboard config for the seeded group (and folder, when `withFolder`). */
  dashboardConfig(withFolder?: boolean): string;
  /** Adds a user (in the seeded organization) who can sign requests with `key`. */
  addUser(email: string, key: string): TimesysUser;
  /** Makes the next background job fail with `error`. */
  failNextJob(error?: string): void;
}
