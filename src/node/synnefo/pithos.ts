import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../core/errors/config-error.js';
import type { DownloadOptions, DownloadResult, RandomAccessSink, RandomAccessSource, StorageClient, UploadOptions, UploadResult } from '../../synnefo/pithos/index.js';

/** A file opened as an upload source (read at any offset, so uploads are deduplicated and resumable). */
export interface FileSource extends RandomAccessSource {
  close(): Promise<void>;
}

/** A file opened as a download sink (written at any offset; read back for resume). */
export interface FileSink extends RandomAccessSink {
  close(): Promise<void>;
}

/** Opens `path` for reading as a {@link RandomAccessSource}; its size is fixed when opened. */
export async function openFileSource(path: string): Promise<FileSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new ConfigError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length, into) {
      const out = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0) throw new ConfigError(`${path} became shorter while it was being read`);
        done += bytesRead;
      }
      return out;
    },
    close: () => handle.close(),
  };
}

/** Opens `path` as a {@link RandomAccessSink}: created when missing, kept as it is when `keep` (resume). */
export async function openFileSink(path: string, options: { keep?: boolean } = {}): Promise<FileSink> {
  let handle: FileHandle;
  try {
    handle = await open(path, options.keep ? await existing(path) ? 'r+' : 'w+' : 'w+');
  } catch (e) {
    throw new ConfigError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  return {
    async write(offset, data) {
      let done = 0;
      while (done < data.length) done += (await handle.write(data, done, data.length - done, offset + done)).bytesWritten;
    },
    truncate: (size) => handle.truncate(size),
    async read(offset, length) {
      const out = new Uint8Array(length);
      const { bytesRead } = await handle.read(out, 0, length, offset);
      return out.subarray(0, bytesRead);
    },
    size: async () => (await handle.stat()).size,
    close: () => handle.close(),
  };
}

async function existing(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Uploads a local file as `obj` (kamaki `upload_object` with an open file): constant memory for
 * any size, deduplicated and resumable on Pithos, plain PUT or SLO segments on Swift.
 */
export async function uploadFile(client: StorageClient, obj: string, path: string, options: UploadOptions = {}): Promise<UploadResult> {
  const source = await openFileSource(path);
  try {
    return await client.uploadObject(obj, source, options);
  } finally {
    await source.close();
  }
}

/**
 * Downloads `obj` to a local file (kamaki `download_object`). Without `resume` the data goes to a
 * temporary file beside it, renamed into place only when complete and verified, so a failed
 * download never leaves a half-written file under the name; with `resume` the file is written in
 * place and blocks it already holds with the right hash are not fetched again.
 */
export async function downloadFile(client: StorageClient, obj: string, path: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const target = options.resume ? path : join(dirname(path), `.${basename(path)}.opskit-part`);
  const sink = await openFileSink(target, { keep: options.resume === true });
  let ok = false;
  try {
    const result = await client.downloadObject(obj, sink, options);
    ok = true;
    return result;
  } finally {
    await sink.close();
    if (!options.resume) {
      if (ok) await rename(target, path);
      else await rm(target, { force: true });
    }
  }
}
