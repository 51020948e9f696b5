// `opskit sim serve mist` (createSim('mist') with no options): a hosted-mode simulator whose printed
// credentials are exactly what MistClient.login takes besides the URL.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { MistClient } from '../../../src/mist/index.js';
import { startCli } from '../cli/helpers.js';

test('opskit sim serve mist: prints {url, credentials}; MistClient.login({ mistUri: url, ...credentials }) works', async (t) => {
  const child = startCli(['sim', 'serve', 'mist', '--port', '0']);
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  child.stdin.end();
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const info = JSON.parse(line) as { url: string; credentials: { email: string; password: string } };
  assert.deepEqual(Object.keys(info.credentials).sort(), ['email', 'password']);
  const client = await MistClient.login({ mistUri: info.url, ...info.credentials });
  assert.equal(client.authenticated, true);
  assert.equal((await client.supportedProviders()).length, 26);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  assert.equal((await backend.sizes()).length, 4);
  await assert.rejects(new MistClient({ mistUri: info.url, retry: false }).backends(), /HTTP 401 Unauthorized: Not authorized/);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  assert.equal(code, 0);
});
