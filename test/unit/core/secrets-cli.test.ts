/**
 * The command line never prints a credential: a server echoing the signed Authorization header in
 * its error body, and a redirect to another origin, through `opskit triton`, with and without
 * `--debug` (which adds stacks and causes). Real loopback servers; the CLI runs in process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run.js';
import { generatePrivateKeySync } from '../../../src/crypto/keys/generate.js';
import { encodeOpenSshPrivateKey } from '../../../src/crypto/keys/formats/openssh-write.js';
import { fakeIo } from '../cli/fake-io.js';
import { loopback, type Loopback } from './loopback.js';

const keyText = encodeOpenSshPrivateKey(generatePrivateKeySync('ed25519'));
const keyBody = keyText.split('\n').filter((l) => l && !l.startsWith('-----')).join('');

function signatureOf(server: Loopback): string {
  const auth = String(server.arrivals[0]?.headers.authorization ?? '');
  const m = /signature="([^"]+)"/.exec(auth);
  assert.ok(m, `the server saw a signed request: ${auth}`);
  return m[1] as string;
}

async function cli(url: string, debug: boolean) {
  const f = fakeIo({ files: { '/k': keyText } });
  const args = ['triton', 'account', '--url', url, '--account', 'demo', '--key-file', '/k', ...(debug ? ['--debug'] : [])];
  const code = await runCli(args, f.io);
  return { code, out: f.stdout() + f.stderr() };
}

for (const debug of [false, true]) {
  test(`an error body echoing the credentials is scrubbed from CLI output${debug ? ' (--debug)' : ''}`, async () => {
    const server = await loopback((req, res) =>
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'InvalidCredentials', message: `bad signature in ${req.headers.authorization}` })),
    );
    try {
      const { code, out } = await cli(server.url, debug);
      assert.notEqual(code, 0);
      const signature = signatureOf(server);
      assert.ok(!out.includes(signature), `signature leaked:\n${out}`);
      assert.ok(!out.includes(keyBody.slice(0, 40)), 'private key leaked');
      assert.match(out, /InvalidCredentials/);
      if (debug) assert.match(out, /at /, '--debug shows a stack');
    } finally {
      await server.close();
    }
  });

  test(`a cross-origin redirect sends nothing there and prints no credential${debug ? ' (--debug)' : ''}`, async () => {
    const other = await loopback((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"mallory"}'));
    const server = await loopback((_req, res) => res.writeHead(307, { location: `${other.url}/steal` }).end());
    try {
      const { code, out } = await cli(server.url, debug);
      assert.notEqual(code, 0, out);
      assert.match(out, /another origin/);
      assert.equal(other.arrivals.length, 0, 'the other origin received a request');
      assert.ok(!out.includes(signatureOf(server)), `signature leaked:\n${out}`);
    } finally {
      await server.close();
      await other.close();
    }
  });
}
