import assert from 'node:assert/strict';
import type { Report, TokenReport } from '../../../src/core/index';
import { findToken, tokenKey } from '../../../src/devtools/selection';

const tok = (raw: string, entry: number, name: string): TokenReport => ({
  location: { line: 1, column: 1, offset: 0, length: raw.length, har: { entry, part: 'response', field: 'json', name } },
  format: 'JWS', serialization: 'compact', kind: 'id_token', raw, header: null, payload: null, payloadText: null,
  decryption: null, signature: null, nested: null, findings: [],
});
const entry = (i: number, url: string, at: string) =>
  ({ entry: i, startedDateTime: at, method: 'POST', url, host: 'b', path: '/t', status: 200, tokens: [], worst: null });
const report = (tokens: TokenReport[], entries: ReturnType<typeof entry>[]): Report =>
  ({ version: 1, tokens, findings: [], entries, summary: { tokens: tokens.length, errors: 0, warnings: 0, info: 0 } });

suite('devtools selection', () => {
  test('a token is found again after an entry is inserted before it', () => {
    const before = report([tok('a.b.c', 0, '$.id_token'), tok('d.e.f', 1, '$.id_token')],
      [entry(0, 'https://b/1', '2026-01-01T00:00:01Z'), entry(1, 'https://b/2', '2026-01-01T00:00:03Z')]);
    const key = tokenKey(before, 1);
    const after = report([tok('a.b.c', 0, '$.id_token'), tok('x.y.z', 1, '$.id_token'), tok('d.e.f', 2, '$.id_token')],
      [entry(0, 'https://b/1', '2026-01-01T00:00:01Z'), entry(1, 'https://b/hop', '2026-01-01T00:00:02Z'), entry(2, 'https://b/2', '2026-01-01T00:00:03Z')]);
    assert.equal(findToken(after, key), 2);
  });

  test('the same token text at another place is a different token; a cleared capture finds nothing', () => {
    const r = report([tok('a.b.c', 0, '$.access_token'), tok('a.b.c', 1, 'authorization')],
      [entry(0, 'https://b/token', '2026-01-01T00:00:01Z'), entry(1, 'https://b/userinfo', '2026-01-01T00:00:02Z')]);
    assert.equal(findToken(r, tokenKey(r, 1)), 1);
    assert.notEqual(tokenKey(r, 0), tokenKey(r, 1));
    assert.equal(findToken(report([], []), tokenKey(r, 0)), undefined);
    assert.equal(tokenKey(r, 5), undefined);
    assert.equal(findToken(r, undefined), undefined);
  });
});
