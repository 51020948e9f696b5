// One Swift-level suite (the StorageClient surface Pithos+ and OpenStack Swift share: containers,
// listings with every shared parameter, objects, metadata, ranges, conditionals, copy and move, large
// objects, unicode names), written as a transcript of normalised results, so the same run against a
// real Swift and against the simulator can be compared entry by entry.
import type { PithosClient } from '../../../src/synnefo/pithos/index.js';

export type Transcript = Array<[string, unknown]>;

const enc = new TextEncoder();

/** The status of a rejection (an error's `httpStatus`/`status`), or `ok`. */
async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const err = e as { httpStatus?: number; status?: number; name?: string };
    return err.httpStatus || err.status || err.name || 'error';
  }
}

const names = (items: Array<Record<string, any>>) => items.map((i) => (i.subdir !== undefined ? `dir:${i.subdir}` : i.name));

/** Runs the suite in container `c` (created here, deleted at the end) and returns its transcript. */
export async function storageSuite(client: PithosClient, c: string): Promise<Transcript> {
  const t: Transcript = [];
  const log = (step: string, value: unknown) => t.push([step, value]);
  client.container = c;

  log('create container', await outcome(client.createContainer(c)));
  log('create it again (PithosClient accepts the 202)', await outcome(client.createContainer(c)));
  log('container is empty', (await client.getContainerInfo(c))['x-container-object-count']);

  const files: Record<string, string> = {
    'a/1.txt': 'one', 'a/2.txt': 'two', 'a/sub/3.txt': 'three', 'b.txt': 'bee', 'ünï €.txt': 'unicode name', 'z z/q?#.txt': 'odd characters',
  };
  for (const [name, text] of Object.entries(files)) {
    await client.uploadObject(name, enc.encode(text), { contentType: 'text/plain', metadata: { origin: 'suite', 'two-words': 'café au lait' } });
  }
  log('count after uploads', (await client.getContainerInfo(c))['x-container-object-count']);

  // Listings.
  log('list all', names(await client.listObjects().all()));
  log('list prefix a/', names(await client.listObjects({ prefix: 'a/' }).all()));
  log('list delimiter /', names(await client.listObjects({ delimiter: '/' }).all()));
  log('list prefix a/ delimiter /', names(await client.listObjects({ prefix: 'a/', delimiter: '/' }).all()));
  log('list path a', names(await client.listObjects({ path: 'a' }).all()));
  log('list pages of 2', names(await client.listObjects({ limit: 2 }).all()));
  log('list marker b.txt', names(await client.listObjects({ marker: 'b.txt' }).all()));
  log('list in path', names(await client.listObjectsInPath('a').all()));
  const item = (await client.listObjects({ prefix: 'b.txt' }).all())[0]!;
  log('listing item', { name: item.name, bytes: item.bytes, content_type: item.content_type });
  client.container = `${c}-missing`;
  log('listing of a missing container', await outcome(client.listObjects().all()));
  client.container = c;

  // Objects and metadata.
  const info = await client.getObjectInfo('ünï €.txt');
  log('info', { length: info['content-length'], type: info['content-type'], origin: info['x-object-meta-origin'], words: info['x-object-meta-two-words'] });
  log('download unicode name', await client.downloadToString('ünï €.txt'));
  log('download odd characters', await client.downloadToString('z z/q?#.txt'));
  await client.replaceObjectMeta('b.txt', { colour: 'green' });
  log('after replaceObjectMeta', await client.getObjectMeta('b.txt'));
  await client.delObjectMeta('b.txt', 'colour');
  log('after delObjectMeta', await client.getObjectMeta('b.txt'));
  await client.uploadObject('m', enc.encode('meta'), { metadata: { keep: 'k', drop: 'd' } });
  await client.delObjectMeta('m', 'drop');
  log('delObjectMeta keeps the others', await client.getObjectMeta('m'));

  // Ranges and conditionals.
  await client.uploadObject('r', enc.encode('0123456789'), { contentType: 'application/octet-stream' });
  log('range 2-5', await client.downloadToString('r', { range: '2-5' }));
  log('ranges 0-1,4-5,8-', await client.downloadToString('r', { range: '0-1,4-5,8-' }));
  log('suffix -3', await client.downloadToString('r', { range: '-3' }));
  const etag = (await client.getObjectInfo('r')).etag!;
  log('If-Match current', await client.downloadToString('r', { ifMatch: etag }));
  log('If-Match other', await outcome(client.downloadToString('r', { ifMatch: 'f'.repeat(32) })));
  log('If-None-Match current', await outcome(client.downloadToString('r', { ifNoneMatch: etag })));
  log('If-Modified-Since future', await outcome(client.downloadToString('r', { ifModifiedSince: new Date(Date.now() + 86400_000) })));
  log('If-Unmodified-Since past', await outcome(client.downloadToString('r', { ifUnmodifiedSince: new Date(Date.now() - 86400_000) })));
  log('create only, exists', await outcome(client.uploadObject('r', enc.encode('x'), { ifNotExist: true })));
  log('create only, new', await outcome(client.uploadObject('r2', enc.encode('x'), { ifNotExist: true })));

  // Copy, move, delete.
  const other = `${c}-other`;
  await client.createContainer(other);
  await client.copyObject(c, 'a/1.txt', other, 'copied.txt');
  log('copied', await new Promise<string>((res, rej) => {
    client.container = other;
    client.downloadToString('copied.txt').then(res, rej).finally(() => (client.container = c));
  }));
  await client.moveObject(c, 'a/2.txt', c, 'moved.txt');
  log('after move', names(await client.listObjects({ prefix: 'a/' }).all()).concat(names(await client.listObjects({ prefix: 'moved' }).all())));
  log('moved content', await client.downloadToString('moved.txt'));
  log('moved keeps meta', (await client.getObjectInfo('moved.txt'))['x-object-meta-origin']);
  await client.deleteObject('moved.txt');
  log('deleted is 404', await outcome(client.getObjectInfo('moved.txt')));
  log('delete missing', await outcome(client.deleteObject('moved.txt')));
  log('directory marker', await outcome(client.createDirectory('dir')));
  log('directory type', (await client.getObjectInfo('dir'))['content-type']);

  // Large objects: a manifest over `big/…` parts (DLO on both).
  await client.uploadObject('big/1', enc.encode('first part, '), {});
  await client.uploadObject('big/2', enc.encode('second part'), {});
  await client.createObjectByManifestation('big/');
  log('large object', await client.downloadToString('big/'));
  log('large object length', (await client.getObjectInfo('big/'))['content-length']);

  // Container and account metadata.
  await client.setContainerMeta({ project: 'x', drop: 'y' });
  await client.delContainerMeta('drop');
  log('container meta', await client.getContainerMeta());
  await client.replaceAccountMeta({ suite: 'yes', temp: 'z' });
  await client.delAccountMeta('temp');
  const account = await client.getAccountInfo();
  log('account meta', Object.fromEntries(Object.entries(account).filter(([k]) => k.startsWith('x-account-meta-'))));
  await client.replaceAccountMeta({});

  // Cleanup: a non-empty container cannot be deleted.
  log('delete non-empty container', await outcome(client.deleteContainer(c)));
  for (const o of await client.listObjects().all()) await client.deleteObject(o.name);
  client.container = other;
  for (const o of await client.listObjects().all()) await client.deleteObject(o.name);
  client.container = c;
  log('delete emptied containers', [await outcome(client.deleteContainer(c)), await outcome(client.deleteContainer(other))]);
  log('container gone', await outcome(client.getContainerInfo(c)));
  return t;
}
