/**
 * Key safety: private key material and passphrases never reach an output. Tokens are decrypted with a
 * known private key, then every surface is searched for every private member value (d, p, q, dp, dq,
 * qi) and every PEM body line: CLI text/json/sarif stdout and stderr, error messages (wrong
 * passphrase, garbage key files), JSON.stringify of reports and key rings, sanitised HARs, keygen stdout.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JWK } from 'jose';
import { analyzeHar, analyzeText, exportPem, importKeys, KeyImportError, KeyRing } from '../../src/core';
import { sanitizeHar } from '../../src/core/har/har.sanitize';
import { cli, ROOT } from './run';

const NOW = '1793613600';
const PRIVATE = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const PASSPHRASE = 'demo-passphrase';
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

/** Every secret string of a private JWK: member values and the body lines of its PKCS#8 PEM. */
async function secretsOf(jwk: JWK): Promise<string[]> {
  const out = PRIVATE.map((m) => jwk[m]).filter((v): v is string => typeof v === 'string');
  // Also the first 40 characters of each: a truncated leak is still a leak.
  out.push(...out.map((v) => v.slice(0, 40)));
  const pem = await exportPem(jwk, 'private');
  out.push(...pem.split('\n').filter((l) => l && !l.startsWith('-----')));
  return out;
}

/** Asserts none of `secrets` (nor the passphrase) occurs in `text`. */
function assertClean(text: string, secrets: string[], where: string): void {
  for (const s of secrets) assert.ok(!text.includes(s), `${where} holds private key material (${s.slice(0, 8)}…)`);
  assert.ok(!text.includes(PASSPHRASE), `${where} holds the passphrase`);
}

suite('security: private keys and passphrases never reach an output', function () {
  this.timeout(60_000);
  let secrets: string[];
  let encJwk: JWK;
  let tmp: string;
  suiteSetup(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ftn-sec-keys-'));
    encJwk = JSON.parse(read('examples/demo-keys/client-enc.private.jwk.json')) as JWK;
    const all: string[] = [];
    for (const f of ['client-enc', 'client-sig', 'broker-sig']) all.push(...await secretsOf(JSON.parse(read(`examples/demo-keys/${f}.private.jwk.json`)) as JWK));
    const [rsa] = await importKeys(read('test/fixtures/keys/rsa.pkcs8.pem'));
    all.push(...await secretsOf(rsa.jwk));
    secrets = all;
  });
  suiteTeardown(() => rmSync(tmp, { recursive: true, force: true }));

  const KEYS = ['--key', 'examples/demo-keys/client-enc.private.jwk.json', '--key', 'examples/demo-keys/client-sig.private.jwk.json',
    '--key', 'test/fixtures/keys/rsa.encrypted-sha256-aes256.pem', '--passphrase-env', 'FTN_SEC_PASS',
    '--jwks', 'examples/demo-keys/broker-sig.public.jwks.json'];

  for (const format of ['text', 'json', 'sarif']) {
    test(`CLI --format ${format}: the trace and an ID token decrypt, and no key material or passphrase is printed`, () => {
      const r = cli(['examples/ftn-login.har', 'test/fixtures/ftn/id-token.jwe', ...KEYS, '--now', NOW, '--format', format], { env: { FTN_SEC_PASS: PASSPHRASE } });
      assert.equal(r.stderr, '');
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
      if (format === 'text') assert.ok(r.stdout.includes('decryption  decrypted'), 'the ID token was decrypted');
      if (format === 'json') assert.ok(r.stdout.includes('"status": "decrypted"') || r.stdout.includes('"status":"decrypted"'));
      assertClean(r.stdout + r.stderr, secrets, `--format ${format}`);
    });
  }

  test('CLI: a wrong passphrase is one line naming the file, without the passphrase or key bytes', () => {
    const r = cli(['test/fixtures/ftn/id-token.jwe', '--key', 'test/fixtures/keys/rsa.encrypted-sha256-aes256.pem', '--passphrase-env', 'FTN_SEC_PASS'],
      { env: { FTN_SEC_PASS: 'wrong-passphrase-xyz' } });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ftn-inspect: .*rsa\.encrypted-sha256-aes256\.pem.*wrong passphrase for encrypted PKCS#8 key.*\n$/);
    assert.ok(!r.stderr.includes('wrong-passphrase-xyz'));
    assertClean(r.stderr, secrets, 'wrong-passphrase error');
  });

  test('CLI: garbage and damaged key files fail with messages that quote no key material', async () => {
    const pem = await exportPem(encJwk, 'private');
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    const bad: Record<string, string> = {
      'bare-body.pem': body.join('\n'),
      'broken-body.pem': pem.replace(body[3], `${body[3].slice(0, 20)}!${body[3].slice(21)}`),
      'bad-n.jwk.json': JSON.stringify({ ...encJwk, n: `${encJwk.n}.` }),
      'bad-d.jwk.json': JSON.stringify({ ...encJwk, d: `${encJwk.d}=` }),
      'no-e.jwk.json': JSON.stringify({ ...encJwk, e: '' }),
      'not-json.jwk.json': `{${JSON.stringify(encJwk).slice(1, -1)}`,
    };
    for (const [name, text] of Object.entries(bad)) {
      await assert.rejects(importKeys(text), (e: unknown) => e instanceof KeyImportError && !secrets.some((s) => e.message.includes(s)));
      if (!['bare-body.pem', 'bad-d.jwk.json'].includes(name)) continue; // the CLI path once per format family (each spawn costs ~1 s)
      const file = path.join(tmp, name);
      writeFileSync(file, text);
      const r = cli(['test/fixtures/ftn/id-token.jwe', '--key', file]);
      assert.equal(r.code, 2, `${name}: exit ${r.code}, stderr ${r.stderr}`);
      assert.equal(r.stderr.split('\n').length, 2, `${name}: one line`);
      assert.ok(!r.stderr.includes('internal error'), `${name}: ${r.stderr}`);
      assertClean(r.stdout + r.stderr, [...secrets, ...body], name);
    }
  });

  test('core: JSON.stringify of reports, key rings and key lists holds no private member', async () => {
    const ring = new KeyRing([...await importKeys(JSON.stringify(encJwk)), ...await importKeys(read('test/fixtures/keys/rsa.encrypted-sha256-aes256.pem'), { passphrase: PASSPHRASE })]);
    const text = await analyzeText(read('test/fixtures/ftn/id-token.jwe'), { now: Number(NOW), keys: ring });
    assert.equal(text.tokens[0].decryption?.status, 'decrypted');
    const har = await analyzeHar(read('examples/ftn-login.har'), { now: Number(NOW), keys: ring });
    assert.ok(har.tokens.some((t) => t.decryption?.status === 'decrypted'));
    for (const [where, value] of [['text report', text], ['HAR report', har], ['KeyRing', ring], ['ring.list()', ring.list()]] as const) {
      const json = JSON.stringify(value);
      assertClean(json, secrets, where);
      assert.ok(!/"(d|p|q|dp|dq|qi)":"/.test(json), `${where} has a private JWK member`);
    }
    assert.equal(String(ring).includes(encJwk.d!), false);
  });

  test('sanitised HAR output holds no key material, even when the trace carried a private JWK in a body', async () => {
    const har = JSON.parse(read('examples/ftn-login.har')) as { log: { entries: Array<{ response: { content: { text?: string } } }> } };
    har.log.entries[0].response.content.text = JSON.stringify({ keys: [encJwk] });
    const out = await sanitizeHar(JSON.stringify(har), { mode: 'remove' });
    assertClean(read('examples/ftn-login.har'), secrets, 'the example trace itself');
    // The sanitiser redacts tokens and secrets it knows; a JWK in a body is not one of them, so this
    // documents the boundary: only the key we planted may remain, nothing was added.
    for (const s of secrets.filter((x) => !JSON.stringify(encJwk).includes(x))) assert.ok(!out.text.includes(s));
  });

  test('keygen: stdout is the public JWKS only; private members go only to files', () => {
    const out = path.join(tmp, 'keygen');
    mkdirSync(out);
    const r = cli(['keygen', '--kty', 'EC', '--crv', 'P-256', '--use', 'ftn-set', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const jwks = JSON.parse(r.stdout) as { keys: JWK[] };
    assert.equal(jwks.keys.length, 2);
    for (const k of jwks.keys) for (const m of [...PRIVATE, 'k', 'oth']) assert.equal(k[m as keyof JWK], undefined, `public JWKS has "${m}"`);
    const privFiles = readdirSync(out).filter((f) => f.includes('.private.'));
    assert.deepEqual(privFiles.sort(), ['ftn-enc.private.jwk.json', 'ftn-enc.private.pem', 'ftn-sig.private.jwk.json', 'ftn-sig.private.pem']);
    for (const f of privFiles.filter((x) => x.endsWith('.json'))) {
      const d = (JSON.parse(readFileSync(path.join(out, f), 'utf8')) as JWK).d!;
      assert.ok(!r.stdout.includes(d) && !r.stderr.includes(d), `${f}: "d" printed`);
    }
    for (const f of privFiles.filter((x) => x.endsWith('.pem'))) {
      for (const line of readFileSync(path.join(out, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('-----'))) {
        assert.ok(!r.stdout.includes(line) && !r.stderr.includes(line), `${f}: PEM body printed`);
      }
    }
  });
});
