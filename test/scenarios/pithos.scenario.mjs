// Pithos+ scenarios: a File/Blob of a few MiB uploaded with progress (block protocol, deduplicated),
// downloaded back block by block with the integrity checks (block hashes, Merkle root), ranged and
// streamed, against the in-process simulator. Runs in Node, Chromium (secure and non-secure origins:
// no crypto.subtle there, so hashing falls back to pure JavaScript), Deno and Bun.
export default function (t) {
  const { synnefo, sim: simLib, crypto: c } = t.lib;
  const { assert } = t;
  const MiB = 1024 * 1024;

  function data(size) {
    const out = new Uint8Array(size);
    let x = 12345;
    for (let i = 0; i < size; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  }

  async function setup() {
    const sim = simLib.createSim('pithos', { seed: 7, blockSize: MiB });
    const client = new synnefo.PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch });
    return { sim, client };
  }

  t.test('pithos: the 10-byte worked vector and the Merkle root of three blocks', async () => {
    assert.equal(await c.blockHashHex(c.encodeUtf8('0123456789\0\0\0')), '84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882');
    assert.equal(
      c.merkleRootHex([
        '299285fc41a44cdb038b9fdaf494c76ca9d0c866672b2b266c1a0c17dda60a05',
        '61d678b48de600e6922df82ac9fb5d208d19e98064d0d1d5c14a2ee50481c593',
        '84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882',
      ]),
      '0cf1a2efb3267eeeaf71497400684a94db8535310a481e450c0b91ded9b9bef4',
    );
  });

  t.test('pithos: upload a File of 3.5 MiB with progress, download it back verified, re-upload sends nothing', async () => {
    const { client } = await setup();
    const bytes = data(3.5 * MiB);
    const file = typeof File === 'function' ? new File([bytes], 'photo.bin', { type: 'application/x-test' }) : new Blob([bytes], { type: 'application/x-test' });
    const events = [];
    const up = await client.uploadObject('photos/photo.bin', file, { contentType: file.type, onProgress: (p) => events.push(p) });
    assert.equal(up.blocksSent, 4);
    assert.equal(up.bytesSent, bytes.length);
    const lastHash = events.filter((e) => e.phase === 'hashing').at(-1);
    const lastUp = events.filter((e) => e.phase === 'uploading').at(-1);
    assert.deepEqual([lastHash.bytes, lastHash.totalBytes, lastHash.blocks, lastHash.totalBlocks], [bytes.length, bytes.length, 4, 4]);
    assert.deepEqual([lastUp.bytes, lastUp.blocks], [bytes.length, 4]);
    const info = await client.getObjectInfo('photos/photo.bin');
    assert.equal(info['content-type'], 'application/x-test');
    assert.equal(info['x-object-hash'], info.etag);
    const down = [];
    const back = await client.downloadToBytes('photos/photo.bin', { onProgress: (p) => down.push(p) });
    assert.equal(back.length, bytes.length);
    assert.ok(back.every((b, i) => b === bytes[i]), 'same bytes');
    assert.equal(down.at(-1).bytes, bytes.length);
    const again = await client.uploadObject('photos/copy.bin', new Blob([bytes]));
    assert.equal(again.bytesSent, 0, 'deduplicated: only the hashmap travels');
  });

  t.test('pithos: ranged download, streamDown, and a corrupted block is an IntegrityError', async () => {
    const { sim, client } = await setup();
    const bytes = data(2 * MiB + 100);
    await client.uploadObject('r.bin', bytes);
    const part = await client.downloadToBytes('r.bin', { range: '1048570-1048580,-10' });
    assert.deepEqual(part, new Uint8Array([...bytes.slice(1048570, 1048581), ...bytes.slice(bytes.length - 10)]));
    const reader = client.streamDown('r.bin').getReader();
    let n = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      assert.equal(value[0], bytes[n]);
      n += value.length;
    }
    assert.equal(n, bytes.length);
    const hm = await client.getObjectHashmap('r.bin');
    const stored = sim.state.blocks.blocks.get(hm.hashes[2]);
    stored[0] ^= 1;
    await assert.rejects(client.downloadToBytes('r.bin'), synnefo.IntegrityError);
  });
}
