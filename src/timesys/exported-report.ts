import { ConfigError } from '../core/errors/config-error.js';
import { decodeBase64 } from '../crypto/encoding/base64.js';

/** Decompresses gzip; runtimes without `DecompressionStream` pass one (opskit/node uses zlib). */
export type Gunzip = (gzip: Uint8Array) => Promise<Uint8Array>;

/**
 * The bytes of an `exported_report`: base64 (whitespace ignored, as Python's `b64decode` does) of a
 * gzip stream. Uses `gunzip` when given, else the platform's `DecompressionStream`.
 */
export async function decodeExportedReport(base64: string, gunzip?: Gunzip): Promise<Uint8Array> {
  const gz = decodeBase64(base64.replace(/\s+/g, ''));
  if (gunzip) return gunzip(gz);
  if (typeof DecompressionStream !== 'function') {
    throw new ConfigError('exported_report is gzip and this runtime has no DecompressionStream; pass a gunzip option');
  }
  const stream = new Blob([gz as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Where upstream saves an export: `path` with its extension replaced by the format's: pdf and
 * pdfsummary → `.pdf`; cyclonedx-* → `.<cyclonedxFormat>`; spdx_3-sbom-vex → `.spdx3.json`;
 * anything else → `.<format>`.
 */
export function exportFileName(path: string, format: string, cyclonedxFormat = 'json'): string {
  const ext =
    format === 'pdf' || format === 'pdfsummary' ? 'pdf'
    : format.startsWith('cyclonedx') ? cyclonedxFormat
    : format === 'spdx_3-sbom-vex' ? 'spdx3.json'
    : format;
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  const stem = dot > slash + 1 ? path.slice(0, dot) : path;
  return `${stem}.${ext}`;
}
