// Proves the harness itself in every runtime: what each runtime is, and that the three
// module namespaces and the vectors arrived.
export default function (t) {
  const { assert, lib, vectors, env } = t;

  t.test('smoke: environment is described', () => {
    assert.ok(['node', 'chromium', 'deno', 'bun'].includes(env.runtime), `unknown runtime ${env.runtime}`);
    assert.equal(typeof env.secureContext, 'boolean');
    assert.equal(typeof env.hasSubtle, 'boolean');
    // A non-secure browser origin is exactly where crypto.subtle is missing; everywhere else it exists.
    assert.equal(env.hasSubtle, env.secureContext);
    assert.equal(typeof globalThis.crypto.getRandomValues, 'function', 'getRandomValues exists on every origin');
  });

  t.test('smoke: opskit, opskit/crypto and opskit/sim are loaded', () => {
    for (const name of ['core', 'crypto', 'sim']) {
      assert.ok(lib[name] && typeof lib[name] === 'object', `lib.${name}`);
      assert.ok(Object.keys(lib[name]).length > 0, `lib.${name} exports something`);
    }
  });

  t.test('smoke: Fernet vectors are present', () => {
    assert.equal(vectors.fernet.generate.length, 1);
    assert.equal(vectors.fernet.verify.length, 1);
    assert.equal(vectors.fernet.invalid.length, 8);
  });

  t.test('smoke: the harness asserts what it should', async () => {
    assert.deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
    assert.throws(() => assert.deepEqual(new Uint8Array([1]), new Uint8Array([2])));
    assert.throws(() => assert.deepEqual({ a: 1 }, { a: 1, b: undefined }));
    const err = assert.throws(() => { throw new RangeError('boom'); }, RangeError);
    assert.equal(err.message, 'boom');
    await assert.rejects(Promise.reject(new TypeError('nope')), /nope/);
    await assert.rejects(() => assert.rejects(Promise.resolve(1)));
  });
}
