// A tiny ssh-agent (draft-miller-ssh-agent) over a unix socket that signs with node:crypto: an
// implementation independent of opskit's, for machines without OpenSSH's ssh-agent.
import { sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './fixtures.js';

function str(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}
function mpint(b: Buffer): Buffer {
  let v = b;
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return str(v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

export interface FakeAgentKey {
  blob: Buffer;
  comment: string;
  key: KeyObject;
  kind: 'rsa' | 'ecdsa' | 'ed25519';
  curve?: string;
}

function signature(k: FakeAgentKey, data: Buffer, flags: number): Buffer {
  if (k.kind === 'rsa') {
    const [type, hash] = flags & 4 ? ['rsa-sha2-512', 'sha512'] : flags & 2 ? ['rsa-sha2-256', 'sha256'] : ['ssh-rsa', 'sha1'];
    return Buffer.concat([str(Buffer.from(type!)), str(sign(hash!, data, k.key))]);
  }
  if (k.kind === 'ed25519') return Buffer.concat([str(Buffer.from('ssh-ed25519')), str(sign(null, data, k.key))]);
  const hash = k.curve === 'nistp256' ? 'sha256' : k.curve === 'nistp384' ? 'sha384' : 'sha512';
  const raw = sign(hash, data, { key: k.key, dsaEncoding: 'ieee-p1363' });
  const half = raw.length / 2;
  const inner = Buffer.concat([mpint(raw.subarray(0, half)), mpint(raw.subarray(half))]);
  return Buffer.concat([str(Buffer.from(`ecdsa-sha2-${k.curve}`)), str(inner)]);
}

/** Starts the agent; returns its socket path and a stop function. */
export async function startFakeAgent(keys: FakeAgentKey[]): Promise<{ socket: string; stop: () => Promise<void> }> {
  const socket = join(tempDir('opskit-agent-'), 'agent.sock');
  const server: Server = createServer((conn) => {
    let buf = Buffer.alloc(0);
    conn.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32BE(0)) {
        const msg = buf.subarray(4, 4 + buf.readUInt32BE(0));
        buf = buf.subarray(4 + msg.length);
        let reply: Buffer;
        if (msg[0] === 11) {
          const n = Buffer.alloc(4);
          n.writeUInt32BE(keys.length);
          reply = Buffer.concat([Buffer.from([12]), n, ...keys.flatMap((k) => [str(k.blob), str(Buffer.from(k.comment))])]);
        } else if (msg[0] === 13) {
          let at = 1;
          const take = () => {
            const len = msg.readUInt32BE(at);
            const v = msg.subarray(at + 4, at + 4 + len);
            at += 4 + len;
            return v;
          };
          const blob = take();
          const data = take();
          const flags = msg.readUInt32BE(at);
          const k = keys.find((x) => x.blob.equals(blob));
          reply = k ? Buffer.concat([Buffer.from([14]), str(signature(k, data, flags))]) : Buffer.from([5]);
        } else {
          reply = Buffer.from([5]);
        }
        conn.write(str(reply));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
