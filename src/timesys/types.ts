import type { TimeoutOptions } from '../core/types.js';
import type { components } from './generated/timesys-llapi.js';

type S = components['schemas'];

/** `POST /heartbeat`: `{ ok: true }`. */
export type Heartbeat = S['Heartbeat'];
/** `GET /about`. */
export type AppDbVersion = S['AppDbVersion'];
export type ManifestSummary = S['ManifestSummary'];
export type ManifestInfo = S['ManifestInfo'];
/** A scan: upload, rescan or latest report. */
export type ScanResult = S['ScanResult'];
export type CveFinding = S['CveFinding'];
export type CveCounts = S['CveCounts'];
export type JobAccepted = S['JobAccepted'];
export type Job = S['Job'];
export type SuccessMessage = S['SuccessMessage'];
export type StatusMessage = S['StatusMessage'];
export type ReportTokens = S['ReportTokens'];
export type CompareResult = S['CompareResult'];
export type Folder = S['Folder'];
export type CreatedFolder = S['CreatedFolder'];
export type Group = S['Group'];
export type GroupMembers = S['GroupMembers'];
export type GroupSettings = S['GroupSettings'];
export type ActivityLogEntry = S['ActivityLogEntry'];
export type CveInfo = S['CveInfo'];
export type CveSearchResult = S['CveSearchResult'];
export type VulnStatus = S['VulnStatus'];

/**
 * A scan result; a requested export comes decoded as `exportedReport` and `exported_report` is
 * removed (upstream pops it and saves the bytes to a file).
 */
export type UploadResult = ScanResult & {
  /** The requested export (`exportFormat`), gunzipped: the file's exact bytes. */
  exportedReport?: Uint8Array;
};

/** Options every method takes last. */
export interface RequestOptions {
  /** Abort this call. */
  signal?: AbortSignal;
  /** Override the client's timeouts for this call (ms per attempt, or `{ attempt, total }`). */
  timeout?: number | TimeoutOptions;
}
