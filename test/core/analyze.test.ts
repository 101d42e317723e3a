/** analyzeText()/analyzeToken() and the report helpers, on the committed fixtures with real crypto. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  analyzeText, analyzeToken, filterDisabled, importKeys, KeyRing, summarize, withDefaults, worstSeverity, type Finding, type TokenReport,
} from '../../src/core';
import { loadDemoKeys, publicJwk } from '../../scripts/fixtures/keys';

const FIX = path.resolve(__dirname, '../fixtures/ftn');
const KEYS = path.resolve(__dirname, '../../examples/demo-keys');
const NOW = 1793613600;
const f = (rule: string, severity: Finding['severity']): Finding => ({ rule, severity, message: rule.toLowerCase() });

suite('analyzeText', () => {
  let ring: KeyRing;
  suiteSetup(async () => {
    ring = new KeyRing([
      ...(await importKeys(readFileSync(path.join(KEYS, 'broker-sig.public.jwks.json'), 'utf8'))),
      ...(await importKeys(readFileSync(path.join(KEYS, 'client.public.jwks.json'), 'utf8'))),
      ...(await importKeys(readFileSync(path.join(KEYS, 'client-enc.private.jwk.json'), 'utf8'))),
    ]);
  });

  test('finds the three tokens of mixed.log at their exact places, with kinds from their context', async () => {
    const text = readFileSync(path.join(FIX, 'mixed.log'), 'utf8');
    const lines = text.split('\n');
    const r = await analyzeText(text, { now: NOW, keys: ring, file: 'mixed.log' });
    assert.equal(r.version, 1);
    assert.deepEqual(r.source, { file: 'mixed.log', kind: 'text' });
    assert.deepEqual(r.tokens.map((t) => t.kind), ['client_assertion', 'request_object', 'id_token']);
    assert.deepEqual(r.tokens.map((t) => t.kindReason), ['form field "client_assertion"', 'form field "request"', 'JSON key "id_token"']);
    const files = ['client-assertion.jwt', 'request-object.jwt', 'id-token.jwe'].map((n) => readFileSync(path.join(FIX, n), 'utf8').trim());
    files.forEach((raw, i) => {
      const offset = text.indexOf(raw);
      const line = i + 1;
      const column = lines[i].indexOf(raw) + 1;
      assert.deepEqual(r.tokens[i].location, { file: 'mixed.log', line, column, offset, length: raw.length });
      assert.equal(r.tokens[i].raw, raw);
    });
    assert.equal(r.tokens[0].location.column, 58);
    assert.equal(r.tokens[2].decryption?.status, 'decrypted');
    assert.equal(r.tokens[2].signature?.status, 'valid');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.summary, { tokens: 3, errors: 0, warnings: 0, info: 1 }); // FTN-CA-TYP: typ "JWT"
  });

  test('defaults: skew 60, now = the wall clock', async () => {
    const before = Math.floor(Date.now() / 1000);
    const d = withDefaults({});
    assert.equal(d.skew, 60);
    assert.ok(d.now >= before && d.now <= before + 5);
    assert.throws(() => withDefaults({ skew: -1 }), { name: 'TypeError', message: 'invalid "skew" option: expected a non-negative number of seconds' });
    assert.throws(() => withDefaults({ now: Number.NaN }), { name: 'TypeError', message: 'invalid "now" option: expected epoch seconds' });
  });

  test('a clean client JWKS is a key set with no findings; a shared sig/enc key is not', async () => {
    const clean = await analyzeText(readFileSync(path.join(KEYS, 'client.public.jwks.json'), 'utf8'), { now: NOW, file: 'client.jwks.json' });
    assert.deepEqual(clean.tokens, []);
    assert.deepEqual(clean.findings, []);
    const k = publicJwk(loadDemoKeys().clientSig);
    const shared = JSON.stringify({ keys: [k, { ...k, use: 'enc', alg: 'RSA-OAEP-256', kid: 'enc-1' }] });
    const r = await analyzeText(shared, { now: NOW, file: 'shared.jwks.json', profile: 'idura' });
    assert.deepEqual(r.findings.map((x) => [x.rule, x.severity]), [['FTN-KEY-SEP', 'error']]);
    assert.deepEqual(r.summary, { tokens: 0, errors: 1, warnings: 0, info: 0 });
  });

  test('a single JWK document and client metadata are judged too', async () => {
    const k = publicJwk(loadDemoKeys().clientSig);
    const { kid: _kid, ...noKid } = k;
    const one = await analyzeText(JSON.stringify(noKid), { now: NOW, file: 'k.json' });
    assert.deepEqual(one.findings.map((x) => x.rule), ['FTN-KEY-KID']);
    const meta = await analyzeText(JSON.stringify({ client_id: 'demo-client', jwks_uri: 'https://app.example.com/jwks' }), { now: NOW, profile: 'idura' });
    assert.deepEqual(meta.findings.map((x) => x.rule), ['FTN-KEY-STATIC']);
  });

  test('a file holding one malformed token reports why it does not decode', async () => {
    const raw = 'eyJhbGci.e30.abc'; // the header is cut short: the scanner skips it, the fallback reports it
    const r2 = await analyzeText(`\n  ${raw}\n`, { now: NOW, file: 'bad.jwt' });
    assert.equal(r2.tokens.length, 1);
    assert.deepEqual(r2.tokens[0].location, { file: 'bad.jwt', line: 2, column: 3, offset: 3, length: raw.length });
    assert.equal(r2.tokens[0].error?.segment, 'header');
    assert.equal(r2.tokens[0].findings[0].rule, 'JWT-FORMAT');
    assert.equal(r2.summary.errors, 1);
  });

  test('analyzeToken inspects one token without scanning', async () => {
    const raw = readFileSync(path.join(FIX, 'client-assertion-no-kid.jwt'), 'utf8').trim();
    const r = await analyzeToken(raw, { now: NOW, keys: ring, file: '<argument 1>' });
    assert.equal(r.tokens.length, 1);
    assert.deepEqual(r.tokens[0].location, { file: '<argument 1>', line: 1, column: 1, offset: 0, length: raw.length });
    assert.equal(r.tokens[0].kind, 'client_assertion');
    assert.ok(r.tokens[0].findings.some((x) => x.rule === 'FTN-CA-KID' && x.severity === 'error'));
    const garbage = await analyzeToken('not.a.token', { now: NOW });
    assert.deepEqual(garbage.tokens[0].error, { code: 'ERR_UTF8', message: 'header segment is not valid UTF-8', segment: 'header' });
    assert.equal(garbage.summary.errors, 1);
  });

  test('a report is JSON-serialisable and leaks no key material', async () => {
    const text = readFileSync(path.join(FIX, 'mixed.log'), 'utf8');
    const r = await analyzeText(text, { now: NOW, keys: ring });
    const json = JSON.stringify(r);
    assert.deepEqual(JSON.parse(json), r);
    const d = String(loadDemoKeys().clientEnc.d);
    assert.ok(!json.includes(d.slice(0, 40)));
    assert.ok(!json.includes('"d":'));
  });
});

suite('report helpers', () => {
  test('worstSeverity', () => {
    assert.equal(worstSeverity([]), null);
    assert.equal(worstSeverity([f('A', 'info'), f('B', 'warning')]), 'warning');
    assert.equal(worstSeverity([f('A', 'info'), f('B', 'error'), f('C', 'warning')]), 'error');
  });

  test('filterDisabled', () => {
    const all = [f('A', 'info'), f('B', 'error'), f('A', 'warning')];
    assert.deepEqual(filterDisabled(all, ['A']), [f('B', 'error')]);
    assert.deepEqual(filterDisabled(all, undefined), all);
    assert.notEqual(filterDisabled(all, []), all);
  });

  test('summarize counts token, nested and trace findings', () => {
    const token = (findings: Finding[], nested: Finding[] = []): TokenReport => ({
      location: { line: 1, column: 1, offset: 0, length: 1 }, format: 'JWS' as const, serialization: 'compact' as const,
      kind: 'unknown' as const, raw: 'x', header: null, payload: null, payloadText: null, decryption: null, signature: null,
      nested: nested.length ? { ...token(nested), nested: null } : null, findings,
    });
    const s = summarize({ tokens: [token([f('A', 'error')], [f('N', 'warning')]), token([f('B', 'info')])], findings: [f('T', 'error')] });
    assert.deepEqual(s, { tokens: 2, errors: 2, warnings: 1, info: 1 });
  });
});
