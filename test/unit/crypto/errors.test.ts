import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidToken, KeyParseError, SignatureError } from '../../../src/crypto/index.js';
import { OpsError } from '../../../src/core/errors/ops-error.js';

test('crypto errors extend OpsError with stable names and codes', () => {
  const cases: Array<[OpsError, string, string]> = [
    [new InvalidToken(), 'InvalidToken', 'INVALID_TOKEN'],
    [new KeyParseError('bad key'), 'KeyParseError', 'KEY_PARSE'],
    [new SignatureError('bad signature'), 'SignatureError', 'SIGNATURE'],
  ];
  for (const [error, name, code] of cases) {
    assert.ok(error instanceof OpsError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, name);
    assert.equal(error.code, code);
    assert.match(String(error), new RegExp(`^${name}: `));
  }
});

test('InvalidToken is opaque: one message, never a cause', () => {
  assert.equal(new InvalidToken().message, new InvalidToken().message);
  assert.equal(new InvalidToken().cause, undefined);
});

test('KeyParseError and SignatureError carry an optional cause', () => {
  const cause = new Error('inner');
  assert.equal(new KeyParseError('k', { cause }).cause, cause);
  assert.equal(new SignatureError('s', { cause }).cause, cause);
  assert.equal(new SignatureError('s').cause, undefined);
});
