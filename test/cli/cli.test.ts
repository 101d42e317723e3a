/**
 * ftn-inspect, spawned as a real process on real files: text output, the JSON contract, SARIF, exit
 * statuses and one-line errors, stdin, token arguments, HAR detection by content, colour, escaping.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompactEncrypt, importSPKI } from 'jose';
import { RULES, type Report } from '../../src/core';
import { loadDemoKeys, type DemoKeys } from '../../scripts/fixtures/keys';
import { clientAssertion, signJws } from '../../scripts/fixtures/tokens';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const NOW = '2026-11-02T10:00:00Z';
const KEYS = ['--key', 'examples/demo-keys/client-enc.private.jwk.json', '--jwks', 'examples/demo-keys/broker-sig.public.jwks.json', '--jwks', 'examples/demo-keys/client.public.jwks.json'];

/** Runs the CLI; colour variables are cleared unless `env` sets them. */
function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], { cwd: ROOT, input: opts.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('ftn-inspect (inspect)', function () {
  this.timeout(60_000);
  let keys: DemoKeys;
  let tmp: string;
  suiteSetup(() => {
    keys = loadDemoKeys();
    tmp = mkdtempSync(path.join(tmpdir(), 'ftn-cli-'));
  });
  suiteTeardown(() => rmSync(tmp, { recursive: true, force: true }));

  test('text: a decrypted ID token with its nested signature, times, redacted HETU, summary; exit 0', () => {
    const r = cli(['test/fixtures/ftn/id-token.jwe', ...KEYS, '--now', NOW]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '[1/1] id_token  JWE compact  test/fixtures/ftn/id-token.jwe:1:1');
    assert.equal(lines[1], '  kind id_token (claims nonce, auth_time, acr) · profile idura');
    assert.equal(lines[2], `  decryption  decrypted · key "${keys.clientEnc.kid}"`);
    assert.ok(lines.includes('  nested JWS'));
    assert.ok(lines.includes(`    signature   valid · key "${keys.brokerSig.kid}"`));
    assert.ok(lines.includes('      exp             1793614200  2026-11-02T10:10:00Z  expires in 10 min'));
    assert.ok(lines.includes('      auth_time       1793613570  2026-11-02T09:59:30Z  30 s ago'));
    assert.ok(lines.includes('      hetu            <HETU redacted>'));
    assert.ok(!r.stdout.includes('131052-308T'));
    assert.ok(lines.includes('  findings  none'));
    assert.equal(lines.at(-2), '1 token · 0 errors · 0 warnings · 0 info');
    assert.ok(!r.stdout.includes('\u001b'), 'no colour when stdout is not a TTY');
  });

  test('text: an expired assertion is an error finding; exit 1', () => {
    const r = cli(['test/fixtures/ftn/client-assertion-expired.jwt', ...KEYS, '--now', NOW]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('    exp  1793613000  2026-11-02T09:50:00Z  expired 10 min ago\n'));
    assert.match(r.stdout, /\n {4}error {4}FTN-CA-EXP-PAST {2}"exp" is 1793613000 /);
    assert.ok(r.stdout.endsWith('1 token · 1 error · 0 warnings · 1 info\n'));
    const off = cli(['test/fixtures/ftn/client-assertion-expired.jwt', ...KEYS, '--now', NOW, '--disable', 'FTN-CA-EXP-PAST,FTN-CA-TYP']);
    assert.equal(off.code, 0);
    assert.ok(off.stdout.endsWith('1 token · 0 errors · 0 warnings · 0 info\n'));
  });

  test('json: exactly the Report contract', () => {
    const r = cli(['test/fixtures/ftn/id-token.jwe', 'test/fixtures/ftn/client-assertion-no-kid.jwt', ...KEYS, '--now', '1793613600', '--format', 'json']);
    assert.equal(r.code, 1);
    const rep = JSON.parse(r.stdout) as Report;
    assert.deepEqual(Object.keys(rep).sort(), ['findings', 'summary', 'tokens', 'version']);
    assert.equal(rep.version, 1);
    assert.deepEqual(rep.summary, { tokens: 2, errors: 1, warnings: 0, info: 1 });
    const [idt, ca] = rep.tokens;
    assert.deepEqual(Object.keys(idt).sort(), ['decryption', 'findings', 'format', 'header', 'kind', 'kindReason', 'location', 'nested', 'payload', 'payloadText', 'profile', 'raw', 'serialization', 'signature']);
    assert.deepEqual(idt.location, { file: 'test/fixtures/ftn/id-token.jwe', line: 1, column: 1, offset: 0, length: idt.raw.length });
    assert.equal(idt.format, 'JWE');
    assert.equal(idt.kind, 'id_token');
    assert.deepEqual(idt.decryption, { status: 'decrypted', kid: keys.clientEnc.kid, thumbprint: keys.clientEnc.kid });
    assert.deepEqual(idt.signature, { status: 'valid', kid: keys.brokerSig.kid, thumbprint: keys.brokerSig.kid });
    assert.equal(idt.nested?.format, 'JWS');
    assert.equal(idt.payload?.iss, 'https://demo.idura.broker');
    assert.equal(idt.payload?.hetu, '131052-308T', 'JSON is the data contract: claims as they are');
    assert.equal(ca.kind, 'client_assertion');
    assert.deepEqual(ca.findings.map((f) => [f.rule, f.severity]), [['FTN-CA-KID', 'error'], ['FTN-CA-TYP', 'info']]);
    assert.ok(!r.stdout.includes(String(keys.clientEnc.d).slice(0, 30)), 'no private key material');
  });

  test('sarif: SARIF 2.1.0 with the rule catalog and located results', () => {
    const r = cli(['test/fixtures/ftn/client-assertion-expired.jwt', ...KEYS, '--now', NOW, '--format', 'sarif']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'ftn-inspect');
    assert.equal(run.tool.driver.rules.length, RULES.length);
    const i = RULES.findIndex((x) => x.id === 'FTN-CA-EXP-PAST');
    const rule = run.tool.driver.rules[i];
    assert.equal(rule.id, 'FTN-CA-EXP-PAST');
    assert.equal(rule.helpUri, `file://${ROOT}/docs/rules.md#ftn-ca-exp-past`);
    assert.equal(rule.defaultConfiguration.level, 'error');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'FTN-CA-EXP-PAST');
    assert.equal(res.level, 'error');
    assert.equal(res.ruleIndex, i);
    assert.match(res.message.text, /^"exp" is 1793613000 /);
    const raw = readFileSync(path.join(ROOT, 'test/fixtures/ftn/client-assertion-expired.jwt'), 'utf8').trim();
    assert.deepEqual(res.locations, [{ physicalLocation: {
      artifactLocation: { uri: 'test/fixtures/ftn/client-assertion-expired.jwt' },
      region: { startLine: 1, startColumn: 1, charOffset: 0, charLength: raw.length },
    } }]);
    assert.deepEqual(run.results.map((x: { level: string }) => x.level).sort(), ['error', 'note']);
  });

  test('exit 2 with one line on stderr for user mistakes', () => {
    const cases: [string[], string][] = [
      [['x.jwt', '--key', 'nope.pem'], 'ftn-inspect: cannot read key file "nope.pem": ENOENT\n'],
      [['test/fixtures/ftn/id-token.jwe', '--skew', 'abc'], 'ftn-inspect: --skew expects a number of seconds, got "abc"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--now', 'yesterday'], 'ftn-inspect: --now expects an ISO 8601 time or epoch seconds, got "yesterday"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--profile', 'acme'], 'ftn-inspect: --profile expects one of auto, ftn, idura, telia, op, signicat, generic, got "acme"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--format', 'xml'], 'ftn-inspect: --format expects text, json or sarif, got "xml"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--disable', 'FTN-NOPE'], 'ftn-inspect: --disable: unknown rule "FTN-NOPE"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--bogus'], 'ftn-inspect: unknown option "--bogus" (see ftn-inspect --help)\n'],
      [['test/fixtures/ftn/id-token.jwe', '--key'], 'ftn-inspect: --key expects a value\n'],
      [['nope.txt'], 'ftn-inspect: cannot read "nope.txt": no such file, and it is not a token\n'],
      [['test/fixtures/ftn'], 'ftn-inspect: cannot read input file "test/fixtures/ftn": EISDIR\n'],
      [[], 'ftn-inspect: no input: give a FILE, a TOKEN or - for stdin (see ftn-inspect --help)\n'],
      [['test/fixtures/ftn/id-token.jwe', '--key', 'test/fixtures/ftn/README.md'], 'ftn-inspect: cannot import key file "test/fixtures/ftn/README.md": not a JWK, JWKS or PEM: input starts with "# FTN token fixtures"\n'],
      [['test/fixtures/ftn/id-token.jwe', '--passphrase-env', 'FTN_TEST_UNSET_VAR'], 'ftn-inspect: --passphrase-env: environment variable "FTN_TEST_UNSET_VAR" is not set\n'],
      [['test/fixtures/ftn/id-token.jwe', '--issuer', 'demo.idura.broker'], 'ftn-inspect: --issuer expects an http(s) URL, got "demo.idura.broker"\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = cli(args);
      assert.equal(r.stderr, stderr, args.join(' '));
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  test('stdin (-) and a token given as an argument', () => {
    const log = readFileSync(path.join(ROOT, 'test/fixtures/ftn/mixed.log'), 'utf8');
    const r = cli(['-', ...KEYS, '--now', NOW, '--format', 'json'], { input: log });
    assert.equal(r.code, 0);
    const rep = JSON.parse(r.stdout) as Report;
    assert.deepEqual(rep.tokens.map((t) => [t.kind, t.location.file, t.location.line]), [
      ['client_assertion', '<stdin>', 1], ['request_object', '<stdin>', 2], ['id_token', '<stdin>', 3]]);
    const token = readFileSync(path.join(ROOT, 'test/fixtures/ftn/client-assertion-hs256.jwt'), 'utf8').trim();
    const t = cli([token, '--now', NOW]);
    assert.equal(t.code, 1);
    assert.ok(t.stdout.startsWith('[1/1] client_assertion  JWS compact  <argument 1>\n'));
    assert.match(t.stdout, /error {4}JWT-HS-CONFUSION/);
  });

  test('a HAR is recognised by content, whatever its name; flows are listed', () => {
    const har = path.join(tmp, 'trace.txt');
    writeFileSync(har, readFileSync(path.join(ROOT, 'examples/ftn-login.har')));
    const r = cli([har, ...KEYS, '--format', 'json']);
    const rep = JSON.parse(r.stdout) as Report;
    assert.deepEqual(rep.source, { file: har, kind: 'har' });
    assert.ok(rep.tokens.length >= 5);
    assert.ok(rep.tokens.every((t) => t.location.har !== undefined));
    assert.ok((rep.flows ?? []).length >= 1);
    assert.equal(r.code, rep.summary.errors > 0 ? 1 : 0);
    const text = cli([har, ...KEYS]);
    assert.match(text.stdout, /\nflow \d+ · client app\.example\.com · broker demo\.idura\.broker · client_id demo-client {2}\w+\n/);
    assert.match(text.stdout, / entry \d+ request form "client_assertion"\n/);
  });

  test('HAR edge cases: via stdin, unreadable HAR (exit 2), JSON that is not a HAR is text', () => {
    const har = readFileSync(path.join(ROOT, 'examples/ftn-login.har'), 'utf8');
    const viaStdin = JSON.parse(cli(['-', '--format', 'json'], { input: har }).stdout) as Report;
    assert.deepEqual(viaStdin.source, { file: '<stdin>', kind: 'har' });
    const cut = path.join(tmp, 'cut.har');
    writeFileSync(cut, '{"log": {"version": "1.2", "entries": [ {"startedDateTime": 5');
    const r = cli([cut]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^ftn-inspect: cannot read HAR "${cut.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": [^\n]+\n$`));
    const notHar = JSON.parse(cli(['test/fixtures/har/not-har.har', '--format', 'json']).stdout) as Report;
    assert.deepEqual(notHar.source, { file: 'test/fixtures/har/not-har.har', kind: 'text' });
  });

  test('a JWKS file is judged as a key set', () => {
    assert.deepEqual(cli(['examples/demo-keys/client.public.jwks.json']), { code: 0, stdout: 'no tokens found\n0 tokens · 0 errors · 0 warnings · 0 info\n', stderr: '' });
    const sig = JSON.parse(readFileSync(path.join(ROOT, 'examples/demo-keys/client.public.jwks.json'), 'utf8')).keys[0];
    const file = path.join(tmp, 'shared.jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [sig, { ...sig, use: 'enc', alg: 'RSA-OAEP-256', kid: 'enc' }] }));
    const r = cli([file, '--profile', 'idura']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^trace findings\n {2}error {4}FTN-KEY-SEP {2}/);
  });

  test('colour: FORCE_COLOR turns it on, NO_COLOR wins', () => {
    const args = ['test/fixtures/ftn/client-assertion-expired.jwt', '--now', NOW];
    assert.ok(cli(args, { env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b[31merror  \u001b[39m'));
    assert.ok(!cli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\u001b'));
  });

  test('attacker-controlled escapes, controls and bidi overrides are shown, not obeyed', async () => {
    const evil = await signJws({ alg: 'none', typ: 'JWT\u001b]0;pwned\u0007' }, { iss: '\u001b[2J\u001b[31mEVIL', sub: 'a\u202eb\u0000c\r\nd' }, keys.clientSig);
    const r = cli([evil, '--now', NOW]);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/.test(r.stdout), 'no raw control or bidi character');
    assert.ok(r.stdout.includes('    typ  JWT\\u001b]0;pwned\\u0007\n'));
    assert.ok(r.stdout.includes('    iss  \\u001b[2J\\u001b[31mEVIL\n'));
    assert.ok(r.stdout.includes('    sub  a\\u202eb\\u0000c\\u000d\\u000ad\n'));
    const json = cli([evil, '--now', NOW, '--format', 'json']).stdout;
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(json), 'JSON output escapes them too');
    assert.equal((JSON.parse(json) as Report).tokens[0].payload?.sub, 'a\u202eb\u0000c\r\nd');
  });

  test('an encrypted PKCS#8 key with --passphrase-env decrypts; the passphrase never appears', async () => {
    const spki = readFileSync(path.join(ROOT, 'test/fixtures/keys/rsa.spki.pem'), 'utf8');
    const inner = await clientAssertion(keys, { now: 1793613600 });
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', cty: 'JWT' })
      .encrypt(await importSPKI(spki, 'RSA-OAEP-256'));
    const key = ['--key', 'test/fixtures/keys/rsa.encrypted-sha256-aes256.pem', '--passphrase-env', 'FTN_PW'];
    const ok = cli([jwe, ...key, '--now', NOW, '--format', 'json'], { env: { FTN_PW: 'demo-passphrase' } });
    const rep = JSON.parse(ok.stdout) as Report;
    assert.equal(rep.tokens[0].decryption?.status, 'decrypted');
    assert.equal(rep.tokens[0].payload?.iss, 'demo-client');
    assert.ok(!ok.stdout.includes('demo-passphrase') && !ok.stderr.includes('demo-passphrase'));
    const bad = cli([jwe, ...key], { env: { FTN_PW: 'wrong-passphrase' } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^ftn-inspect: cannot import key file "test\/fixtures\/keys\/rsa\.encrypted-sha256-aes256\.pem": [^\n]+\n$/);
    assert.ok(!bad.stderr.includes('wrong-passphrase'));
  });

  test('--help and --version', () => {
    const h = cli(['--help']);
    assert.equal(h.code, 0);
    assert.ok(h.stdout.startsWith('ftn-inspect: find, decode, decrypt, verify and judge JWT/JWE tokens'));
    assert.ok(h.stdout.includes('  ftn-inspect keygen --kty RSA|EC'));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(cli(['--version']), { code: 0, stdout: `ftn-inspect ${pkg.version}\n`, stderr: '' });
  });
});
