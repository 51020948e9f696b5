import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseError } from '../../../src/index.js';
import { parseJsonBytes } from '../../../src/turbonomic/transport/json-bytes.js';

const bytes = (s: string) => new TextEncoder().encode(s);

test('parseJsonBytes agrees with JSON.parse on arrays, objects and scalars', () => {
  const texts = [
    '[]', ' [ ] ', '[1]', '[1,2,3]', ' [ 1 , "two" , null , true , false , -1.5e3 ] \n',
    '[{"a":[1,{"b":"]"}],"c":"x,y"},{"d":"\\"quoted\\" \\\\ back"}]',
    '[["nested",["deep",[]]],{}]', '["\\\\"]', '["\\\\\\""]', '["ünïcødé ✓", "😀"]',
    '{"uuid":"1","list":[1,2]}', '"text"', '42', 'null', ' true ',
  ];
  for (const t of texts) assert.deepEqual(parseJsonBytes(bytes(t), 'op'), JSON.parse(t), t);
  assert.equal(parseJsonBytes(bytes('  '), 'op'), undefined);
  const page = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ uuid: String(i), displayName: `vm-${i}`, tags: { a: [`x,${i}]`] } })));
  assert.deepEqual(parseJsonBytes(bytes(page), 'op'), JSON.parse(page));
});

test('malformed JSON is a ResponseError naming the operation, whatever the shape', () => {
  for (const bad of ['[1,]', '[1 2]', '[1,2', '[{"a":1}]x', '[,1]', '{"a":', 'nope', '["unterminated]', '[1]]']) {
    assert.throws(() => parseJsonBytes(bytes(bad), 'getMarketEntities'), (e: unknown) => e instanceof ResponseError && /getMarketEntities returned an invalid response/.test(e.message), bad);
  }
});
