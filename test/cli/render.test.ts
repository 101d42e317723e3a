/** The CLI's pure helpers, in process: terminal escaping, colour choice, times, URLs, argument parsing, merging. */
import * as assert from 'node:assert/strict';
import { parseArgv, parseDisable, parseNow, parseSkew, UsageError } from '../../src/cli/args';
import { mergeReports } from '../../src/cli/inspect.cmd';
import { harHead, looksLikeHar } from '../../src/core/har/har.detect';
import { artifactUri } from '../../src/cli/render.sarif';
import { safe, shortUrl, summaryLine } from '../../src/cli/render.text';
import { duration, relative } from '../../src/cli/render.time';
import { clean, jsonSafe, useColor } from '../../src/cli/terminal';
import type { Report } from '../../src/core';

suite('cli helpers', () => {
  test('clean() shows controls, escapes and bidi characters as \\u escapes', () => {
    assert.equal(clean('a\u001b[31mb'), 'a\\u001b[31mb');
    assert.equal(clean('x\u202ey\u2066z\u200f'), 'x\\u202ey\\u2066z\\u200f');
    assert.equal(clean('\r\n\t\u0000\u007f\u009b'), '\\u000d\\u000a\\u0009\\u0000\\u007f\\u009b');
    assert.equal(clean('päivää — ✓'), 'päivää — ✓');
  });

  test('jsonSafe() escapes what JSON.stringify leaves raw, keeping the value', () => {
    const v = { s: 'a\u202eb\u0085c\u2028d\u001be' };
    const out = jsonSafe(JSON.stringify(v));
    assert.equal(out, '{"s":"a\\u202eb\\u0085c\\u2028d\\u001be"}');
    assert.deepEqual(JSON.parse(out), v);
  });

  test('safe() redacts valid HETUs only', () => {
    assert.equal(safe('hetu 131052-308T ok'), 'hetu <HETU redacted> ok');
    assert.equal(safe('131052-308X'), '131052-308X', 'wrong check character: not a HETU');
  });

  test('useColor: TTY, NO_COLOR, FORCE_COLOR', () => {
    assert.equal(useColor(true, {}), true);
    assert.equal(useColor(false, {}), false);
    assert.equal(useColor(true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
    assert.equal(useColor(false, { FORCE_COLOR: '1' }), true);
    assert.equal(useColor(false, { FORCE_COLOR: '0' }), false);
    assert.equal(useColor(true, { FORCE_COLOR: '1', NO_COLOR: 'x' }), false);
  });

  test('durations and relative times', () => {
    assert.deepEqual([0, 45, 89, 90, 299, 5399, 5400, 172799, 172800].map(duration), ['0 s', '45 s', '89 s', '2 min', '5 min', '90 min', '2 h', '48 h', '2 days']);
    assert.equal(relative('exp', 820, 1000, true), 'expired 3 min before the request');
    assert.equal(relative('exp', 1240, 1000, false), 'expires in 4 min');
    assert.equal(relative('exp', 1240, 1000, true), 'expires 4 min after the request');
    assert.equal(relative('exp', 930, 1000, false), 'expired 70 s ago');
    assert.equal(relative('iat', 880, 1000, false), '2 min ago');
    assert.equal(relative('nbf', 1030, 1000, true), '30 s after the request');
    assert.equal(relative('iat', 1000, 1000, true), 'at the request time');
  });

  test('shortUrl keeps short URLs and reduces long queries to parameter names', () => {
    assert.equal(shortUrl('https://a.example/cb?code=x'), 'https://a.example/cb?code=x');
    assert.equal(shortUrl(`https://a.example/authorize?client_id=c&request=${'x'.repeat(200)}#f`), 'https://a.example/authorize?client_id=…&request=…');
  });

  test('argument parsing: forms of options, values and mistakes', () => {
    const p = parseArgv(['a', '--key', 'k1', '--key=k2', '-', '--', '--not-an-option'], { '--key': true, '--help': false });
    assert.deepEqual(p.positional, ['a', '-', '--not-an-option']);
    assert.deepEqual(p.options.get('--key'), ['k1', 'k2']);
    assert.throws(() => parseArgv(['--help=yes'], { '--help': false }), new UsageError('--help takes no value'));
    assert.equal(parseNow('1793613600'), 1793613600);
    assert.equal(parseNow('2026-11-02T10:00:00Z'), 1793613600);
    assert.equal(parseNow('2026-11-02T12:00:00+02:00'), 1793613600);
    assert.throws(() => parseNow('2026-13-45'), { message: '--now expects an ISO 8601 time or epoch seconds, got "2026-13-45"' });
    assert.equal(parseSkew('0'), 0);
    assert.throws(() => parseSkew('-5'), { message: '--skew expects a number of seconds, got "-5"' });
    assert.deepEqual(parseDisable(['JWT-NONE,FTN-CA-KID', 'HAR-BODY-SKIPPED']), ['JWT-NONE', 'FTN-CA-KID', 'HAR-BODY-SKIPPED']);
  });

  test('HAR detection by content', () => {
    assert.equal(harHead('\uFEFF  {\n "log": { "version": "1.2", "entries": ['), true);
    assert.equal(looksLikeHar('{"entries": [], "log": {"entries": []}}'), true, 'parsed when "log" is not first');
    assert.equal(looksLikeHar('{"log": {"pages": []}}'), false);
    assert.equal(looksLikeHar('{"data": {"entries": []}}'), false);
    assert.equal(looksLikeHar('eyJhbGciOiJub25lIn0.e30.'), false);
  });

  test('artifact URIs: relative paths stay relative and are percent-encoded; absolute ones become file: URLs', () => {
    assert.equal(artifactUri('logs/a b#1.txt'), 'logs/a%20b%231.txt');
    assert.equal(artifactUri('/tmp/x y.har'), 'file:///tmp/x%20y.har');
  });

  test('mergeReports shifts token indexes of entries and flows', () => {
    const tok = (file: string) => ({ location: { file, line: 1, column: 1, offset: 0, length: 1 }, format: 'JWS', serialization: 'compact', kind: 'unknown', raw: 'x', header: null, payload: null, payloadText: null, decryption: null, signature: null, nested: null, findings: [{ rule: 'JWT-NONE', severity: 'error', message: 'm' }] });
    const a = { version: 1, tokens: [tok('a')], findings: [], summary: { tokens: 1, errors: 1, warnings: 0, info: 0 } } as unknown as Report;
    const b = {
      version: 1, source: { file: 'b.har', kind: 'har' }, tokens: [tok('b'), tok('b')], findings: [{ rule: 'HAR-READ', severity: 'warning', message: 'w' }],
      entries: [{ entry: 0, startedDateTime: '', method: 'GET', url: 'u', host: 'h', path: '/', status: 200, tokens: [0, 1], worst: 'error' }],
      flows: [{ id: 0, parties: {}, steps: [{ entry: 0, step: 'token', method: 'POST', url: 'u', status: 200, startedDateTime: '', offsetMs: 0, tokens: [1] }], findings: [], verdict: 'errors' }],
      notes: ['cut'], summary: { tokens: 2, errors: 2, warnings: 1, info: 0 },
    } as unknown as Report;
    const m = mergeReports([a, b]);
    assert.equal(m.tokens.length, 3);
    assert.deepEqual(m.entries?.[0].tokens, [1, 2]);
    assert.deepEqual(m.flows?.[0].steps[0].tokens, [2]);
    assert.deepEqual(m.notes, ['b.har: cut']);
    assert.deepEqual(m.summary, { tokens: 3, errors: 3, warnings: 1, info: 0 });
    assert.equal(summaryLine(m), '3 tokens · 3 errors · 1 warning · 0 info');
    assert.equal(mergeReports([a]), a);
  });
});
