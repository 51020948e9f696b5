/**
 * The Pithos+ part of `npm start`: the object store simulator served on 127.0.0.1; a 10 MiB upload
 * with progress (block protocol), the same content uploaded again under another name (only the
 * hashmap travels), sharing with a second user, publishing, a ranged download, and versions.
 */
import { serve } from '../../src/node/index.js';
import { createSim } from '../../src/sim/index.js';
import { PithosClient, type TransferProgress } from '../../src/synnefo/index.js';

const MiB = 1024 * 1024;

export async function run(say: (line: string) => void): Promise<void> {
  const sim = createSim('pithos', { seed: 2024, blockSize: 4 * MiB });
  const server = await serve(sim);
  const url = `${server.url}/object-store/v1`;
  say(`Pithos+ simulator on ${url}`);
  try {
    let sent = 0;
    const pithos = new PithosClient({
      url, token: sim.credentials.token, account: sim.credentials.account, container: 'pithos', maxThreads: 4,
      fetch: async (r: Request) => {
        if (r.method === 'POST' && r.body) sent += (await r.clone().arrayBuffer()).byteLength;
        return fetch(r);
      },
    });
    const data = new Uint8Array(10 * MiB);
    for (let i = 0; i < data.length; i += 4096) data[i] = (i / 4096) % 251;
    const shown = new Set<string>();
    const progress = (p: TransferProgress) => {
      const pct = p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 4) * 25 : 100;
      const key = `${p.phase} ${pct}`;
      if (!shown.has(key)) say(`  ${p.phase} ${pct}% (${p.blocks}/${p.totalBlocks} blocks)`), shown.add(key);
    };
    const up = await pithos.uploadObject('demo/video.bin', new Blob([data]), { contentType: 'video/mp4', onProgress: progress });
    say(`uploaded 10 MiB in ${up.blocksSent} blocks; X-Object-Hash (Merkle root) ${up.headers.etag?.slice(0, 16)}…`);
    sent = 0;
    const again = await pithos.uploadObject('demo/copy-of-video.bin', data);
    say(`the same bytes under another name: ${again.blocksSent} blocks and ${sent} block bytes sent (deduplicated)`);

    const friend = sim.users[1]!;
    await pithos.setObjectSharing('demo/video.bin', { readPermission: [friend.uuid] });
    const asFriend = new PithosClient({ url, token: friend.token, account: sim.credentials.account, container: 'pithos' });
    say(`shared with ${friend.name}, who reads ${(await asFriend.downloadToBytes('demo/video.bin', { range: '0-15' })).length} bytes of it`);

    const link = await pithos.publishObject('demo/video.bin');
    const pub = await fetch(link, { headers: { range: 'bytes=4096-4100' } });
    say(`published at ${link}: a ranged GET without a token → ${pub.status}, bytes [${[...new Uint8Array(await pub.arrayBuffer())].join(',')}]`);

    const part = await pithos.downloadToBytes('demo/video.bin', { range: '4194300-4194310,-4' });
    say(`ranged download across a block boundary: ${part.length} bytes, each block verified against its hash`);

    await pithos.uploadFromString('demo/notes.txt', 'first draft');
    sim.clock.advance(1000);
    await pithos.uploadFromString('demo/notes.txt', 'second draft');
    const versions = await pithos.getObjectVersionlist('demo/notes.txt');
    const first = await pithos.downloadToString('demo/notes.txt', { version: versions[0]![0] });
    say(`versions of demo/notes.txt: ${versions.map(([id]) => id).join(', ')}; the first reads "${first}"`);
  } finally {
    await server.close();
  }
}
