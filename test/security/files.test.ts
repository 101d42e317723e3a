/**
 * Safe files: `ftn-inspect sanitize` never overwrites its input (same path, symlink or hard link) nor an
 * existing file without --force; `ftn-inspect keygen` never overwrites anything, never follows a
 * planted symlink, and writes private keys with mode 0600 whatever the umask.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, cli, ROOT } from './run';

suite('security: the CLI never overwrites inputs or existing files', function () {
  this.timeout(60_000);
  let tmp: string;
  let input: string;
  let original: string;
  suiteSetup(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ftn-sec-files-'));
    input = path.join(tmp, 'trace.har');
    original = readFileSync(path.join(ROOT, 'examples/ftn-login.har'), 'utf8');
    writeFileSync(input, original);
  });
  suiteTeardown(() => rmSync(tmp, { recursive: true, force: true }));

  test('sanitize refuses the input as output: same path, a symlink to it, a hard link to it', () => {
    const sym = path.join(tmp, 'sym.har');
    const hard = path.join(tmp, 'hard.har');
    symlinkSync(input, sym);
    linkSync(input, hard);
    const cases: Array<[string, RegExp]> = [
      [input, /^ftn-inspect: sanitize: refusing to overwrite the input ".*trace\.har": choose another -o\n$/],
      [path.join(tmp, '.', 'trace.har'), /refusing to overwrite the input/],
      [sym, /refusing to overwrite the input ".*trace\.har": ".*sym\.har" is the same file/],
      [hard, /refusing to overwrite the input ".*trace\.har": ".*hard\.har" is the same file/],
    ];
    // Even --force (which may replace an existing output) never replaces the input.
    for (const [out, message] of cases) {
      const r = cli(['sanitize', input, '-o', out, '--force']);
      assert.equal(r.code, 2, out);
      assert.match(r.stderr, message);
      assert.equal(readFileSync(input, 'utf8'), original, 'the input is untouched');
    }
  });

  test('sanitize refuses an existing output without --force; with --force it replaces only the output', () => {
    const out = path.join(tmp, 'existing.har');
    writeFileSync(out, 'keep me');
    const r = cli(['sanitize', input, '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /output ".*existing\.har" exists: use --force to overwrite it\n$/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    const f = cli(['sanitize', input, '-o', out, '--force']);
    assert.equal(f.code, 0, f.stderr);
    assert.ok(readFileSync(out, 'utf8').startsWith('{'));
    assert.equal(readFileSync(input, 'utf8'), original);
    assert.deepEqual(readdirSync(tmp).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  test('keygen refuses when any target exists, and writes nothing', () => {
    const dir = path.join(tmp, 'kg-exists');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'ftn-enc.public.pem'), 'keep me');
    const r = cli(['keygen', '--kty', 'EC', '--use', 'ftn-set', '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ftn-inspect: keygen: refusing to overwrite ".*ftn-enc\.public\.pem"\n$/);
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(dir), ['ftn-enc.public.pem']);
    assert.equal(readFileSync(path.join(dir, 'ftn-enc.public.pem'), 'utf8'), 'keep me');
  });

  test('keygen never follows a symlink planted at a key path', () => {
    const dir = path.join(tmp, 'kg-symlink');
    mkdirSync(dir);
    const target = path.join(tmp, 'stolen.jwk.json');
    symlinkSync(target, path.join(dir, 'ftn-sig.private.jwk.json'));
    const r = cli(['keygen', '--kty', 'EC', '--use', 'sig', '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ftn-sig\.private\.jwk\.json/);
    assert.equal(existsSync(target), false, 'the private key was not written through the link');
  });

  test('keygen writes private keys 0600 even with umask 000; public files are not writable by others', () => {
    const dir = path.join(tmp, 'kg-modes');
    mkdirSync(dir);
    const r = spawnSync('/bin/sh', ['-c', `umask 000 && exec "${process.execPath}" --require tsx/cjs "${CLI}" keygen --kty EC --use ftn-set --out "${dir}"`],
      { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const modes = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, (statSync(path.join(dir, f)).mode & 0o777).toString(8)]));
    assert.deepEqual(modes, {
      'ftn-enc.private.jwk.json': '600', 'ftn-enc.private.pem': '600', 'ftn-enc.public.pem': '644',
      'ftn-sig.private.jwk.json': '600', 'ftn-sig.private.pem': '600', 'ftn-sig.public.pem': '644', 'ftn.public.jwks.json': '644',
    });
  });
});
