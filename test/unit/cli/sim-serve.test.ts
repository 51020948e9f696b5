import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { startCli } from './helpers.js';

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`sim serve demo --port 0 prints one JSON line, serves, and stops on ${signal}`, async (t) => {
    const child = startCli(['sim', 'serve', 'demo', '--port', '0']);
    t.after(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    child.stdin.end();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const info = JSON.parse(line) as { url: string; credentials: { username: string; password: string } };
    assert.deepEqual(Object.keys(info), ['url', 'credentials']);
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(info.credentials.username, 'admin');

    const login = await fetch(`${info.url}/login`, { method: 'POST', body: JSON.stringify(info.credentials) });
    assert.equal(login.status, 200);
    const { token } = (await login.json()) as { token: string };
    const items = await fetch(`${info.url}/items`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(items.status, 200);
    assert.equal(items.headers.get('x-total-count'), '25');
    await items.body?.cancel();

    const exited = once(child, 'exit');
    child.kill(signal);
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
  });
}
