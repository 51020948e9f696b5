import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { decodeBase64, encodeUtf8, SignatureError, signRequest } from '../../../src/crypto/index.js';
import { agentSigner } from '../../../src/node/index.js';
import { DataCenter } from '../../../src/triton/index.js';
import { startFakeAgent } from './fake-agent.js';
import { hasSshAgent, tempDir, testKeys, type TestKey } from './fixtures.js';
import { referenceVerify } from './http-signature-ref.js';
import { tritonSim } from './helpers.js';

const stops: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const s of stops) await s();
});

const agentKeys = () => testKeys().filter((k) => ['rsa-2048', 'ecdsa-p256', 'ecdsa-p384', 'ed25519'].includes(k.label));

/** OpenSSH's ssh-agent in the foreground on a private socket, loaded with the test keys by ssh-add. */
async function realAgent(keys: TestKey[]): Promise<string> {
  const dir = tempDir('opskit-ssh-agent-');
  const socket = join(dir, 'agent.sock');
  const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  stops.push(() => void child.kill());
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
      break;
    } catch (e) {
      // exit 1 = agent up, no identities: ready.
      if ((e as { status?: number }).status === 1) break;
      await delay(20);
    }
  }
  for (const k of keys) {
    const file = join(dir, k.label);
    writeFileSync(file, k.formats.openssh!, { mode: 0o600 });
    execFileSync('ssh-add', [file], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
  }
  return socket;
}

async function fakeAgent(keys: TestKey[]): Promise<string> {
  const agent = await startFakeAgent(
    keys.map((k) => ({ blob: Buffer.from(k.publicLine.split(' ')[1]!, 'base64'), comment: k.label, key: k.node, kind: k.type, ...(k.curve ? { curve: k.curve } : {}) })),
  );
  stops.push(agent.stop);
  return agent.socket;
}

async function checkAgent(socket: string, name: string) {
  for (const k of agentKeys()) {
    const signer = await agentSigner({ socket, fingerprint: k.sha256 });
    assert.equal(signer.publicKey.md5Fingerprint, k.md5, `${name} ${k.label}`);
    const req = { method: 'GET', url: 'http://127.0.0.1/demo/keys', headers: new Headers() };
    const signed = await signRequest(req, { keyId: `/demo/keys/${k.md5}`, signer });
    const expected = { 'rsa-2048': 'rsa-sha256', 'ecdsa-p256': 'ecdsa-sha256', 'ecdsa-p384': 'ecdsa-sha384', ed25519: 'ed25519-sha512' }[k.label];
    assert.equal(signed.algorithm, expected, `${name} ${k.label}`);
    if (k.label === 'ecdsa-p384') {
      // The agent hashes P-384 with SHA-384, which CloudAPI's parser refuses (docs/compat.md).
      const sig = decodeBase64(/signature="([^"]+)"/.exec(signed.authorization)![1]!);
      assert.ok(nodeVerify('sha384', encodeUtf8(signed.signingString), createPublicKey(k.node), sig));
    } else {
      assert.ok(referenceVerify(req, k.publicLine).ok, `${name} ${k.label}`);
    }
  }
  const rsa = agentKeys()[0]!;
  for (const rsaHash of ['sha1', 'sha512'] as const) {
    const signer = await agentSigner({ socket, fingerprint: rsa.md5, rsaHash });
    const req = { method: 'GET', url: 'http://127.0.0.1/x', headers: new Headers() };
    assert.equal((await signRequest(req, { keyId: '/demo/keys/x', signer })).algorithm, `rsa-${rsaHash}`);
    assert.ok(referenceVerify(req, rsa.publicLine).ok);
  }
  await assert.rejects(agentSigner({ socket, fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), SignatureError);
  // A DataCenter signing through the agent against the simulator.
  const sim = tritonSim({ keys: agentKeys().map((k) => k.publicLine) });
  const ed = agentKeys().find((k) => k.type === 'ed25519')!;
  const dc = new DataCenter({ url: sim.url, account: 'demo', signer: await agentSigner({ socket, fingerprint: ed.md5 }), fetch: sim.fetch });
  assert.equal((await dc.listKeys()).length, 4);
  const viaEnv = await agentSigner({ env: { SSH_AUTH_SOCK: socket } });
  assert.ok(viaEnv.publicKey);
}

test(`ssh-agent signer against ${hasSshAgent ? "OpenSSH's ssh-agent" : 'an in-test agent'}: key by fingerprint, rsa-sha2-256, every key type verifies`, async () => {
  const socket = hasSshAgent ? await realAgent(agentKeys()) : await fakeAgent(agentKeys());
  await checkAgent(socket, hasSshAgent ? 'ssh-agent' : 'fake agent');
});

test('ssh-agent signer against an independent in-test agent (node:crypto signs)', async () => {
  await checkAgent(await fakeAgent(agentKeys()), 'fake agent');
});

test('no agent socket is a SignatureError', async () => {
  await assert.rejects(agentSigner({ env: {} }), /SSH_AUTH_SOCK is not set/);
  await assert.rejects(agentSigner({ socket: '/nonexistent/agent.sock' }), SignatureError);
});
