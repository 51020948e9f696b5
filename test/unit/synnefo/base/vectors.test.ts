// Pure helpers of the base client against Python 2 / kamaki behaviour (protocols/synnefo.md §1.1–§1.4).
// The expected strings are what Python 2.7's urllib.quote / urllib.unquote and kamaki's
// path4url, strip_version and ClientError produce for the same input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../../src/core/index.js';
import {
  BadRequest, ClientError, endpointWithVersion, ItemNotFound, OverLimit, parseFault, path4url, quote, quoteHeaderKeys, quoteHeaders, stripVersion,
  synnefoErrorFor, synnefoQuery, unquote, unquoteHeaderKeys, unquoteHeaders, RequestEntityTooLarge, NotAllowed, InternalServerError, isoTime,
} from '../../../../src/synnefo/index.js';

test('quote: Python 2 rules, safe "/" by default, ~!*\'() escaped, UTF-8, upper-case hex', () => {
  assert.equal(quote('a b/c~d'), 'a%20b/c%7Ed');
  assert.equal(quote("!*'()"), '%21%2A%27%28%29');
  assert.equal(quote('-_.AZaz09'), '-_.AZaz09');
  assert.equal(quote('ü'), '%C3%BC');
  assert.equal(quote('α/β', ''), '%CE%B1%2F%CE%B2');
  assert.equal(quote('a:b@c', ':@'), 'a:b@c');
  assert.equal(quote('%'), '%25');
  assert.equal(quote(42), '42');
  assert.equal(quote('😀'), '%F0%9F%98%80');
});

test('unquote: %XX decoded to bytes then UTF-8; malformed escapes kept as they are', () => {
  assert.equal(unquote('%7e%7E'), '~~');
  assert.equal(unquote('%zz%'), '%zz%');
  assert.equal(unquote('100%'), '100%');
  assert.equal(unquote('%C3%BC and ü'), 'ü and ü');
  assert.equal(unquote('a+b'), 'a+b');
  for (const s of ['plain', 'ελληνικά / ünïcode ~!*()', "a'b\"c", '%25 literal']) assert.equal(unquote(quote(s)), s);
});

test('path4url: joined, // collapsed, one leading /, no trailing /, empty segments vanish', () => {
  assert.equal(path4url('servers', ''), '/servers');
  assert.equal(path4url('/a/', 'b', 42), '/a/b/42');
  assert.equal(path4url('a//b', '/c/'), '/a/b/c');
  assert.equal(path4url(), '');
  assert.equal(path4url(''), '/');
});

test('synnefoQuery: bare keys for empty values, Python booleans, values quoted once, keys kept', () => {
  assert.equal(
    synnefoQuery({ update: '', format: null, skip: undefined, detail: true, off: false, limit: 0, users: ['u1', 'u2'], 'SNF:is_public': 'true' }),
    'update&format&detail=True&off=False&limit=0&users=u1%2Cu2&SNF:is_public=true',
  );
  assert.equal(synnefoQuery({ 'changes-since': '2024-01-01T00:00:00+00:00' }), 'changes-since=2024-01-01T00%3A00%3A00%2B00%3A00');
  // Unicode is quoted ONCE (kamaki quotes unicode values twice: %25CE%25B1…).
  assert.equal(synnefoQuery({ name: 'α β' }), 'name=%CE%B1%20%CE%B2');
  assert.equal(synnefoQuery({ 'a&b': 'c', 'x y': '1' }), 'a%26b=c&x%20y=1');
  assert.equal(synnefoQuery(undefined), '');
});

test('version suffix (§1.1): trailing / stripped, /v<default> appended only without a /vN[.M] tail', () => {
  assert.deepEqual(stripVersion('https://h/cyclades/compute/v2.0/'), { base: 'https://h/cyclades/compute', version: '2.0' });
  assert.deepEqual(stripVersion('https://h/object-store/v1'), { base: 'https://h/object-store', version: '1' });
  assert.deepEqual(stripVersion('https://h/compute'), { base: 'https://h/compute', version: '' });
  assert.deepEqual(endpointWithVersion('https://h/cyclades/compute/', '2.0'), { endpointUrl: 'https://h/cyclades/compute/v2.0', apiVersion: '2.0' });
  assert.deepEqual(endpointWithVersion('https://h/cyclades/compute/v2.0', '2.0'), { endpointUrl: 'https://h/cyclades/compute/v2.0', apiVersion: '2.0' });
  assert.deepEqual(endpointWithVersion('https://h/image/v1', '1.0'), { endpointUrl: 'https://h/image/v1', apiVersion: '1' });
  assert.deepEqual(endpointWithVersion('https://h/x/v2.', undefined), { endpointUrl: 'https://h/x/v2.', apiVersion: '2.' });
  // "v2.0beta" is not a version tail.
  assert.equal(endpointWithVersion('https://h/v2.0beta', '2.0').endpointUrl, 'https://h/v2.0beta/v2.0');
  assert.throws(() => endpointWithVersion('', '2.0'), ConfigError);
  assert.throws(() => endpointWithVersion('https://h/compute', undefined), /no \/v<version> tail/);
  assert.throws(() => endpointWithVersion('not a url', '2.0'), ConfigError);
  assert.throws(() => endpointWithVersion('ftp://h/compute', '2.0'), /http or https/);
  assert.throws(() => endpointWithVersion('https://h/compute?x=1', '2.0'), /query/);
});

test('header quoting (§1.3): values of named and prefixed headers quoted, names matched case-insensitively', () => {
  const out = quoteHeaders({ 'X-Image-Meta-Name': 'Δοκιμή 1', 'x-image-meta-property-OS': 'ubuntu/α', 'X-Image-Meta-Is-Public': true, 'X-Skip': undefined, 'X-Other': 'a b' }, {
    names: ['x-image-meta-name'],
    prefixes: ['X-Image-Meta-Property-'],
  });
  assert.deepEqual(out, {
    'X-Image-Meta-Name': '%CE%94%CE%BF%CE%BA%CE%B9%CE%BC%CE%AE%201',
    'x-image-meta-property-OS': 'ubuntu/%CE%B1',
    'X-Image-Meta-Is-Public': 'True',
    'X-Other': 'a b',
  });
  const back = unquoteHeaders(new Headers({ 'x-image-meta-name': out['X-Image-Meta-Name'] as string, 'x-image-meta-property-os': 'ubuntu/%CE%B1', 'x-image-meta-size': '%20' }), {
    names: ['X-Image-Meta-Name'],
    prefixes: ['x-image-meta-property-'],
  });
  assert.deepEqual(back, { 'x-image-meta-name': 'Δοκιμή 1', 'x-image-meta-property-os': 'ubuntu/α', 'x-image-meta-size': '%20' });
  const keys = quoteHeaderKeys({ 'X-Object-Meta-Ταυτότητα': 'v', 'Content-Type': 't' }, ['x-object-meta-']);
  assert.deepEqual(Object.keys(keys), ['X-Object-Meta-%CE%A4%CE%B1%CF%85%CF%84%CF%8C%CF%84%CE%B7%CF%84%CE%B1', 'Content-Type']);
  assert.deepEqual(unquoteHeaderKeys(keys, ['x-object-meta-']), { 'X-Object-Meta-Ταυτότητα': 'v', 'Content-Type': 't' });
});

test('ClientError (§1.4): first key is the fault, status from fault.code, details appended', () => {
  const body = '{"itemNotFound": {"code": 404, "message": "Server 7 not found", "details": "trace"}}';
  assert.deepEqual(parseFault(`Not Found ${body}\n`, 404), {
    message: 'Not Found itemNotFound (Server 7 not found)', status: 404, details: ['trace'], fault: 'itemNotFound', faultMessage: 'Server 7 not found',
  });
  assert.equal(parseFault('Bad Request {"overLimit": {"code": 413, "message": "x"}}', 400).status, 413);
  assert.equal(parseFault('Conflict {"conflict": {"code": 409}}', 409).message, 'Conflict conflict');
  assert.deepEqual(parseFault('Bad Gateway <html>oops</html>', 502), { message: 'Bad Gateway <html>oops</html>', status: 502, details: [], fault: undefined, faultMessage: undefined });
  assert.deepEqual(parseFault('X {"a": 1}', 400).details, []);
  assert.equal(parseFault('X {"a": 1}', 400).message, 'X {"a": 1}');
  assert.deepEqual(parseFault('Y {"badRequest": {"code": 400, "message": "m", "details": ""}}', 400, 'given').details, ['given']);
  assert.equal(parseFault('Z {"badRequest": {"code": "400", "message": "m"}}', 400).status, 400);
  // Built by hand, as kamaki's.
  const e = new ClientError(`Not Found ${body}`, 404);
  assert.ok(e instanceof ClientError);
  assert.equal(e.message, 'Not Found itemNotFound (Server 7 not found)');
  assert.equal(e.status, 404);
  assert.deepEqual(e.details, ['trace']);
  assert.equal(e.fault, 'itemNotFound');
  const plain = new ClientError('boom');
  assert.equal(plain.status, 0);
  assert.deepEqual(plain.details, []);
});

test('synnefoErrorFor: the subclass by fault name, else by status', () => {
  const init = (status: number, body: unknown) => ({ status, statusText: '', request: { op: 'op', method: 'GET', url: 'u', headers: {} }, body });
  const a = synnefoErrorFor(init(404, { itemNotFound: { code: 404, message: 'gone', details: '' } }));
  assert.ok(a instanceof ItemNotFound && a instanceof ClientError);
  assert.equal(a.message, 'op: Not Found itemNotFound (gone)');
  const b = synnefoErrorFor(init(413, { overLimit: { code: 413, message: 'quota' } }));
  assert.ok(b instanceof OverLimit && b instanceof RequestEntityTooLarge);
  assert.ok(synnefoErrorFor(init(400, { badRequest: { code: 400, message: 'x' } })) instanceof BadRequest);
  assert.ok(synnefoErrorFor(init(405, '')) instanceof NotAllowed);
  const c = synnefoErrorFor(init(500, 'Registration failed'));
  assert.ok(c instanceof InternalServerError);
  assert.equal(c.message, 'op: Internal Server Error Registration failed');
  assert.equal(Object.getPrototypeOf(synnefoErrorFor(init(418, ''))), ClientError.prototype);
});

test('isoTime: dates and epoch ms in Synnefo style, strings as given, bad dates refused', () => {
  assert.equal(isoTime(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000+00:00');
  assert.equal(isoTime(new Date(0)), '1970-01-01T00:00:00.000+00:00');
  assert.equal(isoTime('2024-01-01'), '2024-01-01');
  assert.throws(() => isoTime(Number.NaN), ConfigError);
});
