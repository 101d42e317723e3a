/** ftn-inspect keygen, spawned for real: files, permissions, no overwrite, reimport, and use of the keys. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { importKeys, type Report } from '../../src/core';
import { loadDemoKeys } from '../../scripts/fixtures/keys';
import { clientAssertion } from '../../scripts/fixtures/tokens';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('ftn-inspect keygen', function () {
  this.timeout(60_000);
  let dir: string;
  setup(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ftn-keygen-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('ftn-set: one sig and one enc RSA key, private files 0600, public JWKS printed', async () => {
    const r = cli(['keygen', '--kty', 'RSA', '--use', 'ftn-set', '--out', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), [
      'ftn-enc.private.jwk.json', 'ftn-enc.private.pem', 'ftn-enc.public.pem',
      'ftn-sig.private.jwk.json', 'ftn-sig.private.pem', 'ftn-sig.public.pem', 'ftn.public.jwks.json']);
    for (const f of ['ftn-sig.private.jwk.json', 'ftn-sig.private.pem', 'ftn-enc.private.jwk.json', 'ftn-enc.private.pem']) {
      assert.equal(statSync(path.join(dir, f)).mode & 0o777, 0o600, f);
    }
    assert.equal(statSync(path.join(dir, 'ftn.public.jwks.json')).mode & 0o077 & 0o022, 0);
    const printed = JSON.parse(r.stdout) as { keys: JWK[] };
    assert.deepEqual(printed, JSON.parse(readFileSync(path.join(dir, 'ftn.public.jwks.json'), 'utf8')));
    assert.deepEqual(printed.keys.map((k) => [k.kty, k.use, k.alg]), [['RSA', 'sig', 'RS256'], ['RSA', 'enc', 'RSA-OAEP-256']]);
    assert.ok(printed.keys.every((k) => k.d === undefined && k.p === undefined && typeof k.kid === 'string'));
    assert.ok(!r.stdout.includes('PRIVATE KEY') && !r.stderr.includes('"d"'));
    assert.ok(r.stderr.includes(`wrote ${path.join(dir, 'ftn-sig.private.jwk.json')} (private, mode 0600)\n`));
    // Reimport: the private JWK and PEM are the same key, with private material; the JWKS is public only.
    const jwk = await importKeys(readFileSync(path.join(dir, 'ftn-enc.private.jwk.json'), 'utf8'));
    const pem = await importKeys(readFileSync(path.join(dir, 'ftn-enc.private.pem'), 'utf8'));
    assert.equal(jwk[0].description.private, true);
    assert.equal(jwk[0].description.use, 'enc');
    assert.equal(jwk[0].description.size, 2048);
    assert.equal(pem[0].description.thumbprint, jwk[0].description.thumbprint);
    assert.equal(jwk[0].description.kid, printed.keys[1].kid);
    const pub = await importKeys(readFileSync(path.join(dir, 'ftn.public.jwks.json'), 'utf8'));
    assert.deepEqual(pub.map((k) => k.description.private), [false, false]);
  });

  test('the generated enc key decrypts a token encrypted to the printed JWKS', async () => {
    const r = cli(['keygen', '--kty', 'RSA', '--use', 'ftn-set', '--out', dir]);
    const enc = (JSON.parse(r.stdout) as { keys: JWK[] }).keys[1];
    const inner = await clientAssertion(loadDemoKeys(), { now: 1793613600 });
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', cty: 'JWT', kid: enc.kid })
      .encrypt(await importJWK(enc, 'RSA-OAEP-256'));
    const file = path.join(dir, 'token.jwe');
    writeFileSync(file, jwe);
    const out = cli([file, '--key', path.join(dir, 'ftn-enc.private.pem'), '--now', '1793613600', '--format', 'json']);
    const rep = JSON.parse(out.stdout) as Report;
    assert.equal(rep.tokens[0].decryption?.status, 'decrypted');
    assert.equal(rep.tokens[0].decryption?.thumbprint, enc.kid);
  });

  test('EC sig key with a curve; single-use file names', () => {
    const r = cli(['keygen', '--kty', 'EC', '--crv', 'P-384', '--use', 'sig', '--out', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['ftn-sig.private.jwk.json', 'ftn-sig.private.pem', 'ftn-sig.public.jwks.json', 'ftn-sig.public.pem']);
    const k = (JSON.parse(r.stdout) as { keys: JWK[] }).keys[0];
    assert.deepEqual([k.kty, k.crv, k.use, k.alg, k.d], ['EC', 'P-384', 'sig', 'ES384', undefined]);
  });

  test('refuses to overwrite, and rejects bad options, with one line and exit 2', () => {
    assert.equal(cli(['keygen', '--kty', 'RSA', '--use', 'sig', '--out', dir]).code, 0);
    const before = readFileSync(path.join(dir, 'ftn-sig.private.jwk.json'), 'utf8');
    const again = cli(['keygen', '--kty', 'RSA', '--use', 'sig', '--out', dir]);
    assert.deepEqual(again, { code: 2, stdout: '', stderr: `ftn-inspect: keygen: refusing to overwrite "${path.join(dir, 'ftn-sig.private.jwk.json')}"\n` });
    assert.equal(readFileSync(path.join(dir, 'ftn-sig.private.jwk.json'), 'utf8'), before);
    const cases: [string[], string][] = [
      [['--use', 'sig'], 'keygen: --kty RSA|EC is required'],
      [['--kty', 'DSA', '--use', 'sig'], 'keygen: --kty expects RSA or EC, got "DSA"'],
      [['--kty', 'RSA'], 'keygen: --use sig|enc|ftn-set is required'],
      [['--kty', 'RSA', '--use', 'sig', '--size', '1024'], 'keygen: --size expects 2048, 3072 or 4096, got "1024"'],
      [['--kty', 'RSA', '--use', 'sig', '--crv', 'P-256'], 'keygen: --crv applies to EC keys only (use --size for RSA)'],
      [['--kty', 'RSA', '--use', 'ftn-set', '--alg', 'PS256'], 'keygen: --alg cannot be used with --use ftn-set (it makes one sig and one enc key)'],
      [['--kty', 'RSA', '--use', 'sig', '--out', path.join(dir, 'missing')], `keygen: cannot use output directory "${path.join(dir, 'missing')}": ENOENT`],
    ];
    for (const [args, msg] of cases) assert.deepEqual(cli(['keygen', ...args]), { code: 2, stdout: '', stderr: `ftn-inspect: ${msg}\n` }, args.join(' '));
  });
});
