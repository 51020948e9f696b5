// The plugin id derivation: mist.client 0.1.1's steps with its trailing-underscore bug fixed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidPluginId, pluginIdFromName, upstreamPluginId } from '../../../src/mist/index.js';

const CASES: [string, string, string][] = [
  // name, opskit, mist.client 0.1.1
  ['My Plugin!', 'my_plugin', 'my_plugi'],
  ['disk-usage', 'disk_usage', 'disk_usage'],
  ['  Queue   length  ', 'queue_length', 'queue_lengt'],
  ['__init__', 'init', 'ini'],
  ['a', 'a', 'a'],
  ['CPU%', 'cpu', 'cp'],
  ['nginx.requests', 'nginx_requests', 'nginx_requests'],
  ['café au lait', 'caf_au_lait', 'caf_au_lait'],
];

for (const [name, fixed, upstream] of CASES) {
  test(`plugin id of ${JSON.stringify(name)}: ${fixed} (mist.client: ${upstream})`, () => {
    assert.equal(pluginIdFromName(name), fixed);
    assert.equal(upstreamPluginId(name), upstream);
    assert.equal(isValidPluginId(fixed), true, 'the server accepts every derived id');
  });
}

test('a name with nothing usable is a ConfigError (mist.client crashed on an empty name)', () => {
  for (const name of ['', '!!!', '___', '   ']) assert.throws(() => pluginIdFromName(name), /no letter or digit/);
  assert.throws(() => pluginIdFromName(42 as never), /must be a string/);
  for (const bad of ['_x', 'x_', 'X', 'a-b', '']) assert.equal(isValidPluginId(bad), false, bad);
});
