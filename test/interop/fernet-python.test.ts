// Interop with Python's `cryptography` Fernet, the reference most Fernet users have:
// 1,000 tokens each way, payloads from 0 B to 64 KiB, one python3 process per direction
// (JSON over stdin/stdout), once per Fernet engine (portable, and node:crypto as opskit/crypto's
// `node` export condition gives Node, Deno and Bun). Fails, with the reason, when python3 or
// cryptography is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes as nodeRandom } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../src/crypto/index.js';
import { FERNETS } from '../unit/crypto/helpers.js';

const COUNT = 1000;
const MAX = 65536;

const probe = spawnSync('python3', ['-c', 'import cryptography.fernet, cryptography; print(cryptography.__version__)'], { encoding: 'utf8' });
// Interop is a required check: a machine without python3 + cryptography fails here, loudly.
const missing = probe.status === 0 ? undefined : `python3 with the cryptography package is not available (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}); install it with: pip install cryptography`;
const requirePython = () => {
  if (missing) throw new Error(missing);
};

/**
 * Sizes from 0 to 64 KiB: the exact edges, every residue around a block, then a log-uniform
 * spread so most payloads are small and the run stays fast while large ones still occur.
 */
function sizes(): number[] {
  const edges = [0, 1, 15, 16, 17, 31, 32, 33, 255, 256, 4095, 4096, 4097, 65520, 65535, MAX];
  const out = [...edges];
  while (out.length < COUNT) out.push(Math.min(MAX, Math.floor(2 ** (Math.random() * 16.0001))));
  return out;
}

/** Runs a python script with a JSON request on stdin; returns its JSON reply. */
function python<T>(script: string, request: unknown): T {
  const r = spawnSync('python3', ['-c', script], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  assert.equal(r.status, 0, `python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const DECRYPT_PY = `
import base64, json, sys, time
from cryptography.fernet import Fernet
req = json.load(sys.stdin)
f = Fernet(req["key"].encode())
now = int(time.time())
bad = []
for i, item in enumerate(req["items"]):
    token = item["token"].encode()
    try:
        plain = f.decrypt(token, ttl=3600)
        if plain != base64.b64decode(item["data"]):
            bad.append([i, "plaintext differs"])
        elif abs(f.extract_timestamp(token) - now) > 120:
            bad.append([i, "timestamp"])
    except Exception as e:
        bad.append([i, type(e).__name__])
json.dump({"ok": len(req["items"]) - len(bad), "bad": bad[:20]}, sys.stdout)
`;

const ENCRYPT_PY = `
import base64, json, os, sys
from cryptography.fernet import Fernet
req = json.load(sys.stdin)
key = Fernet.generate_key()
f = Fernet(key)
items = []
for size in req["sizes"]:
    data = os.urandom(size)
    items.append({"token": f.encrypt(data).decode(), "data": base64.b64encode(data).decode()})
json.dump({"key": key.decode(), "items": items}, sys.stdout)
`;

// Every engine (FERNETS: portable, node:crypto, and node:crypto at every size).
for (const [engine, Fernet] of FERNETS) {
  test(`${engine}: Python decrypts 1,000 opskit tokens (0 B–64 KiB) to the same bytes`, () => {
    requirePython();
    const key = Fernet.generateKey();
    const f = new Fernet(key);
    const list = sizes();
    assert.ok(list.includes(0) && list.includes(MAX) && list.length === COUNT);
    const items = list.map((n) => {
      const data = new Uint8Array(nodeRandom(n));
      return { token: f.encrypt(data), data: encodeBase64(data) };
    });
    const reply = python<{ ok: number; bad: Array<[number, string]> }>(DECRYPT_PY, { key, items });
    assert.deepEqual(reply.bad, []);
    assert.equal(reply.ok, COUNT);
  });

  test(`${engine}: opskit decrypts 1,000 Python tokens (0 B–64 KiB) to the same bytes`, () => {
    requirePython();
    const list = sizes();
    const { key, items } = python<{ key: string; items: Array<{ token: string; data: string }> }>(ENCRYPT_PY, { sizes: list });
    assert.equal(items.length, COUNT);
    const f = new Fernet(key);
    const now = Date.now() / 1000;
    let max = 0;
    items.forEach(({ token, data }, i) => {
      const expected = decodeBase64(data);
      max = Math.max(max, expected.length);
      assert.deepEqual(f.decrypt(token, { ttl: 3600 }), expected, `token ${i} (${expected.length} B)`);
      assert.ok(Math.abs(f.extractTimestamp(token) - now) < 120, `timestamp of token ${i}`);
    });
    assert.equal(max, MAX);
    // And a token from Python fails as InvalidToken under another key, like any forgery.
    assert.throws(() => new Fernet(Fernet.generateKey()).decrypt(items[0]!.token), { name: 'InvalidToken' });
  });
}
