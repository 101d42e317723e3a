import assert from 'node:assert/strict';
import { decodeBase64url, decodeUtf8, encodeBase64url, isBase64urlCode } from '../../src/core/util/base64url';
import { MAX_JSON_DEPTH, findJsonObjectSpans, parseJsonStrict } from '../../src/core/util/json';
import { LineCounter, positionAt } from '../../src/core/util/position';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

suite('util/base64url', () => {
  test('decodes every tail length (0, 2 and 3 leftover characters)', () => {
    assert.deepEqual(decodeBase64url(''), { ok: true, bytes: bytes() });
    assert.deepEqual(decodeBase64url('Zg'), { ok: true, bytes: bytes(0x66) });
    assert.deepEqual(decodeBase64url('Zm8'), { ok: true, bytes: bytes(0x66, 0x6f) });
    assert.deepEqual(decodeBase64url('Zm9v'), { ok: true, bytes: bytes(0x66, 0x6f, 0x6f) });
    assert.deepEqual(decodeBase64url('-_8'), { ok: true, bytes: bytes(0xfb, 0xff) });
  });

  test('reports the 1-based position of the first bad character', () => {
    assert.deepEqual(decodeBase64url('Zm9v+A'), { ok: false, position: 5, reason: 'character' });
    assert.deepEqual(decodeBase64url('Zm/v'), { ok: false, position: 3, reason: 'character' });
    assert.deepEqual(decodeBase64url('Zm9 v'), { ok: false, position: 4, reason: 'character' });
    assert.deepEqual(decodeBase64url('Zmé9'), { ok: false, position: 3, reason: 'character' });
  });

  test('padding "=" is an error (RFC 7515 §2)', () => {
    assert.deepEqual(decodeBase64url('Zg=='), { ok: false, position: 3, reason: 'character' });
    assert.deepEqual(decodeBase64url('Zm8='), { ok: false, position: 4, reason: 'character' });
  });

  test('a length of 4n+1 is an error at its last character', () => {
    assert.deepEqual(decodeBase64url('Zm9vY'), { ok: false, position: 5, reason: 'length' });
    assert.deepEqual(decodeBase64url('A'), { ok: false, position: 1, reason: 'length' });
    // a bad character wins over the length
    assert.deepEqual(decodeBase64url('Zm+vY'), { ok: false, position: 3, reason: 'character' });
  });

  test('encodes without padding and round-trips all byte values', () => {
    assert.equal(encodeBase64url(bytes(0xfb, 0xff)), '-_8');
    assert.equal(encodeBase64url('foo'), 'Zm9v');
    assert.equal(encodeBase64url('fo'), 'Zm8');
    assert.equal(encodeBase64url(''), '');
    assert.equal(encodeBase64url('{"alg":"none"}'), 'eyJhbGciOiJub25lIn0');
    const all = new Uint8Array(256).map((_, i) => i);
    const r = decodeBase64url(encodeBase64url(all));
    assert.ok(r.ok);
    assert.deepEqual(r.bytes, all);
  });

  test('isBase64urlCode accepts exactly the alphabet', () => {
    const ok = [...Array(128).keys()].filter(isBase64urlCode).map((c) => String.fromCharCode(c)).join('');
    assert.equal(ok, '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
    assert.equal(isBase64urlCode(0x2e), false);
    assert.equal(isBase64urlCode(0x100 + 0x41), false);
  });

  test('decodeUtf8 is fatal on invalid UTF-8 and keeps a BOM', () => {
    assert.equal(decodeUtf8(bytes(0xe2, 0x80, 0x99)), '\u2019');
    assert.equal(decodeUtf8(bytes(0xff)), null);
    assert.equal(decodeUtf8(bytes(0xc3)), null);
    assert.equal(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b)), '\ufeff{');
  });
});

suite('util/json parseJsonStrict', () => {
  test('returns the value and no duplicates for clean JSON', () => {
    assert.deepEqual(parseJsonStrict('{"a":1,"b":{"a":2}}'), { ok: true, value: { a: 1, b: { a: 2 } }, duplicates: [] });
  });

  test('lists top-level duplicate member names once, in order of their second occurrence', () => {
    const r = parseJsonStrict('{"sub":"a","aud":"x","sub":"b","aud":"y","sub":"c"}');
    assert.deepEqual(r, { ok: true, value: { sub: 'c', aud: 'y' }, duplicates: ['sub', 'aud'] });
  });

  test('treats escaped and plain spellings of a name as the same member', () => {
    const r = parseJsonStrict('{"alg":"HS256","\\u0061lg":"none"}');
    assert.deepEqual(r, { ok: true, value: { alg: 'none' }, duplicates: ['alg'] });
  });

  test('ignores duplicates in nested objects and strings that look like keys', () => {
    const r = parseJsonStrict('{"a":{"x":1,"x":2},"b":"\\"a\\":","c":["a","a"], "d" : 1}');
    assert.ok(r.ok);
    assert.deepEqual(r.duplicates, []);
  });

  test('reports JSON.parse reasons verbatim', () => {
    let reason = '';
    try {
      JSON.parse('{"a":}');
    } catch (e) {
      reason = (e as Error).message;
    }
    assert.deepEqual(parseJsonStrict('{"a":}'), { ok: false, error: reason });
  });

  test('refuses nesting deeper than the cap without recursing', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    assert.deepEqual(parseJsonStrict(deep), { ok: false, error: `nesting deeper than ${MAX_JSON_DEPTH} levels` });
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    assert.equal(parseJsonStrict(ok).ok, true);
    const huge = '{"a":'.repeat(100_000);
    assert.deepEqual(parseJsonStrict(huge), { ok: false, error: `nesting deeper than ${MAX_JSON_DEPTH} levels` });
  });

  test('non-object values have no duplicates', () => {
    assert.deepEqual(parseJsonStrict('[1,1]'), { ok: true, value: [1, 1], duplicates: [] });
    assert.deepEqual(parseJsonStrict('"x"'), { ok: true, value: 'x', duplicates: [] });
  });
});

suite('util/json findJsonObjectSpans', () => {
  const opts = { names: ['payload', 'signature'], accept: (n: ReadonlySet<string>) => n.has('payload') && n.has('signature'), maxLength: 1000 };

  test('finds wanted objects nested anywhere in text, with exact spans', () => {
    const obj = '{"payload":"e30","signature":"x"}';
    const text = `log: {"outer": ${obj}, "k": [1, {"y": "}"}]} tail`;
    assert.deepEqual(findJsonObjectSpans(text, opts), [{ start: text.indexOf(obj), end: text.indexOf(obj) + obj.length }]);
  });

  test('an ancestor of a wanted object is not returned (spans never overlap)', () => {
    const inner = '{"payload":"c","signature":"d"}';
    const text = `{"payload":"a","signature":"b","header":${inner}}`;
    assert.equal(text.indexOf(inner), 40);
    assert.deepEqual(findJsonObjectSpans(text, opts), [{ start: 40, end: 71 }]);
  });

  test('members of nested objects do not count for the outer object', () => {
    assert.deepEqual(findJsonObjectSpans('{"payload":"a","x":{"signature":"b"}}', opts), []);
  });

  test('skips objects over maxLength and survives stray quotes and brackets', () => {
    const obj = '{"payload":"a","signature":"b"}';
    assert.deepEqual(findJsonObjectSpans(obj, { ...opts, maxLength: obj.length - 1 }), []);
    const text = `he said "hi\n}}]] {{ ${obj}`;
    assert.deepEqual(findJsonObjectSpans(text, opts), [{ start: text.indexOf(obj), end: text.length }]);
  });

  test('with anchors, only text near them is scanned, and results are the same', () => {
    const obj = '{"payload":"a","signature":"b"}';
    const text = `${'x'.repeat(5000)}\n${obj}\n${'{"y": "}}}",\n'.repeat(500)}  ${obj}`;
    const counter = { chars: 0 };
    const spans = findJsonObjectSpans(text, { ...opts, maxLength: 100, anchors: ['"payload"'], counter });
    assert.deepEqual(spans, findJsonObjectSpans(text, { ...opts, maxLength: 100 }));
    assert.deepEqual(spans.map((s) => s.start), [5001, text.length - obj.length]);
    // the x line is scanned whole (a range starts at a line start), the 500 middle lines are not
    assert.ok(counter.chars < 5400, `scanned ${counter.chars}`);
  });

  test('with anchors on one long line, a range never starts inside a string', () => {
    const obj = '{"payload":"a","signature":"b"}';
    const text = `{"note":"${'{'.repeat(300)} ", "k": ${obj}}`;
    const spans = findJsonObjectSpans(text, { ...opts, maxLength: 100, anchors: ['"payload"'] });
    assert.deepEqual(spans, [{ start: text.indexOf(obj), end: text.indexOf(obj) + obj.length }]);
  });

  test('counts every character once', () => {
    const counter = { chars: 0 };
    findJsonObjectSpans('{'.repeat(10_000), { ...opts, counter });
    assert.equal(counter.chars, 10_000);
  });
});

suite('util/position', () => {
  test('LF, CRLF and lone CR each end a line; columns are 1-based UTF-16', () => {
    const text = 'ab\ncd\r\nef\rgh😀x';
    assert.deepEqual(positionAt(text, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(text, 2), { line: 1, column: 3 });
    assert.deepEqual(positionAt(text, 3), { line: 2, column: 1 });
    assert.deepEqual(positionAt(text, 7), { line: 3, column: 1 });
    assert.deepEqual(positionAt(text, 10), { line: 4, column: 1 });
    assert.deepEqual(positionAt(text, 14), { line: 4, column: 5 }); // after the surrogate pair
  });

  test('LineCounter answers ascending offsets incrementally and restarts when going back', () => {
    const text = 'a\r\nb\r\nc';
    const lc = new LineCounter(text);
    assert.deepEqual(lc.at(1), { line: 1, column: 2 }); // the \r
    assert.deepEqual(lc.at(2), { line: 1, column: 3 }); // the \n of the same break
    assert.deepEqual(lc.at(3), { line: 2, column: 1 });
    assert.deepEqual(lc.at(6), { line: 3, column: 1 });
    assert.deepEqual(lc.at(0), { line: 1, column: 1 });
    assert.deepEqual(lc.at(6), { line: 3, column: 1 });
  });
});
