/** Progress of an upload or a download (`onProgress`). */
export interface TransferProgress {
  /** `hashing` (upload, reading the source), `uploading` (missing blocks), `downloading`. */
  phase: 'hashing' | 'uploading' | 'downloading';
  /** Bytes done in this phase. */
  bytes: number;
  /** Bytes this phase will handle (uploading: the missing blocks only). */
  totalBytes: number;
  /** Blocks done in this phase. */
  blocks: number;
  totalBlocks: number;
}

export type ProgressCallback = (progress: TransferProgress) => void;

/** A counter that reports every step. */
export function progressCounter(phase: TransferProgress['phase'], totalBytes: number, totalBlocks: number, cb: ProgressCallback | undefined) {
  let bytes = 0;
  let blocks = 0;
  const emit = () => cb?.({ phase, bytes, totalBytes, blocks, totalBlocks });
  return {
    start: emit,
    add(b: number, n = 1) {
      bytes += b;
      blocks += n;
      emit();
    },
  };
}
