import { basename } from 'node:path';
import type { Command } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { downloadFile, uploadFile } from '../../../node/synnefo/pithos.js';
import { listValues, stringValue } from './options.js';
import { commaList, fileCommand, objectPath, pairs, pithosFor, progressBar, writeBytes } from './file-common.js';

const THREADS = { threads: { type: 'string' as const, valueName: 'N', description: 'blocks in flight at once (kamaki MAX_THREADS; default 4)' } };
const NO_PROGRESS = { 'no-progress': { type: 'boolean' as const, description: 'no progress line on stderr, not even on a terminal' } };

/** `file upload LOCAL [REMOTE]`: block upload with deduplication, progress and resume. */
export const uploadCommand: Command = fileCommand({
  summary: 'Upload a file (only the blocks the server lacks are sent)',
  usage: '<local file> [/CONTAINER/PATH | PATH] [--content-type T] [--meta K=V]… [--public] [--read-permission U,…] [--write-permission U,…] [--if-not-exist] [--threads N] [--resume] [--no-progress]',
  details: 'An interrupted upload, run again, sends only the blocks still missing (--resume is accepted for kamaki\'s sake: every upload resumes).',
  args: { min: 1, max: 2 },
  options: {
    'content-type': { type: 'string', valueName: 'TYPE', description: 'the object\'s MIME type (default application/octet-stream)' },
    meta: { type: 'string', valueName: 'KEY=VALUE', description: 'metadata (repeatable)', multiple: true },
    public: { type: 'boolean', description: 'publish the object' },
    'read-permission': { type: 'string', valueName: 'USERS', description: 'comma list of user UUIDs or OWNER:GROUP allowed to read' },
    'write-permission': { type: 'string', valueName: 'USERS', description: 'comma list allowed to write' },
    'if-not-exist': { type: 'boolean', description: 'fail if the object exists' },
    resume: { type: 'boolean', description: 'resume an interrupted upload (always on)' },
    ...THREADS,
    ...NO_PROGRESS,
  },
}, async (k, values, args) => {
  const local = args[0] as string;
  const { container, path } = objectPath(k, args[1] ?? basename(local));
  const client = await pithosFor(k, container, values);
  const read = commaList(values['read-permission']);
  const write = commaList(values['write-permission']);
  const r = await uploadFile(client, path, local, {
    ...(stringValue(values, 'content-type') ? { contentType: stringValue(values, 'content-type')! } : {}),
    ...(listValues(values, 'meta').length ? { metadata: pairs(listValues(values, 'meta'), '--meta') } : {}),
    ...(values.public === true ? { public: true } : {}),
    ...(read || write ? { sharing: { ...(read ? { read } : {}), ...(write ? { write } : {}) } } : {}),
    ...(values['if-not-exist'] === true ? { ifNotExist: true } : {}),
    onProgress: progressBar(k, `upload ${path}`),
  });
  k.print(r);
});

/** `file download REMOTE [LOCAL]`. */
export const downloadCommand: Command = fileCommand({
  summary: 'Download an object to a file (verified block by block)',
  usage: '</CONTAINER/PATH | PATH> [local file] [--resume] [--range R] [--version V] [--if-match ETAG] [--if-none-match ETAG] [--threads N] [--no-progress]',
  args: { min: 1, max: 2 },
  options: {
    resume: { type: 'boolean', description: 'keep the blocks a partial local file already has' },
    range: { type: 'string', valueName: 'RANGE', description: 'only these bytes, e.g. 0-99,200-' },
    version: { type: 'string', valueName: 'ID', description: 'an older version' },
    'if-match': { type: 'string', valueName: 'ETAG', description: 'only if the object has this ETag' },
    'if-none-match': { type: 'string', valueName: 'ETAG', description: 'only if the object does not have this ETag' },
    ...THREADS,
    ...NO_PROGRESS,
  },
}, async (k, values, args) => {
  const { container, path } = objectPath(k, args[0]);
  const local = args[1] ?? basename(path);
  const client = await pithosFor(k, container, values);
  const r = await downloadFile(client, path, local, {
    ...(values.resume === true ? { resume: true } : {}),
    ...(stringValue(values, 'range') ? { range: stringValue(values, 'range')! } : {}),
    ...(stringValue(values, 'version') ? { version: stringValue(values, 'version')! } : {}),
    ...(stringValue(values, 'if-match') ? { ifMatch: stringValue(values, 'if-match')! } : {}),
    ...(stringValue(values, 'if-none-match') ? { ifNoneMatch: stringValue(values, 'if-none-match')! } : {}),
    onProgress: progressBar(k, `download ${path}`),
  });
  k.print({ bytes: r.bytes, bytesFetched: r.bytesFetched, file: local });
});

/** `file cat REMOTE`: the exact bytes on stdout. */
export const catCommand: Command = fileCommand({
  summary: 'Print an object\'s bytes on stdout, exactly',
  usage: '</CONTAINER/PATH | PATH> [--range R] [--version V]',
  args: { min: 1, max: 1 },
  options: {
    range: { type: 'string', valueName: 'RANGE', description: 'only these bytes' },
    version: { type: 'string', valueName: 'ID', description: 'an older version' },
  },
}, async (k, values, args) => {
  const { container, path } = objectPath(k, args[0]);
  const client = await pithosFor(k, container);
  if (k.dryRun) {
    k.print(await client.getObjectInfo(path));
    return;
  }
  await client.downloadObject(path, (chunk) => writeBytes(k.io, chunk), {
    ...(stringValue(values, 'range') ? { range: stringValue(values, 'range')! } : {}),
    ...(stringValue(values, 'version') ? { version: stringValue(values, 'version')! } : {}),
  });
});

/** `file append REMOTE LOCAL`: in order, block by block. */
export const appendCommand: Command = fileCommand({
  summary: 'Append a local file to an object',
  usage: '</CONTAINER/PATH | PATH> <local file> [--no-progress]',
  args: { min: 2, max: 2 },
  options: { ...NO_PROGRESS },
}, async (k, values, args) => {
  const { container, path } = objectPath(k, args[0]);
  const client = await pithosFor(k, container);
  const { openFileSource } = await import('../../../node/synnefo/pithos.js');
  const source = await openFileSource(args[1] as string);
  try {
    const onProgress = progressBar(k, `append ${path}`);
    await client.appendObject(path, source, { ...(onProgress ? { onProgress } : {}) });
  } finally {
    await source.close();
  }
  k.print(await client.getObjectInfo(path));
});

export function requireArg(args: readonly string[], i: number, what: string): string {
  const v = args[i];
  if (v === undefined) throw new UsageError(`${what} is missing`);
  return v;
}
