/**
 * ftn-inspect sanitize (src/cli/cmd.sanitize.ts, dispatched by run.ts), spawned for real on the example HAR.
 * NOTE: replaces an earlier test file of the same name that was overwritten by mistake (see the CLI report).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanText } from '../../src/core';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const HAR = 'examples/ftn-login.har';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('ftn-inspect sanitize', function () {
  this.timeout(60_000);
  let dir: string;
  suiteSetup(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ftn-sanitize-'));
  });
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a HAR without tokens or HETUs and says what it redacted', () => {
    const original = readFileSync(path.join(ROOT, HAR), 'utf8');
    const tokens = scanText(original).map((t) => t.token);
    assert.ok(tokens.length >= 5);
    const out = path.join(dir, 'clean.har');
    const r = cli(['sanitize', HAR, '-o', out, '--mode', 'pseudonym']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n');
    assert.match(lines[0], /^sanitize: wrote "[^"]+clean\.har": \d+ redactions$/);
    assert.match(r.stderr, /\n {2}hetu {11}1\n/);
    assert.match(r.stderr, /\n {2}token {10}\d+\n/);
    const text = readFileSync(out, 'utf8');
    const doc = JSON.parse(text) as { log: { entries: unknown[] } };
    assert.equal(doc.log.entries.length, (JSON.parse(original) as { log: { entries: unknown[] } }).log.entries.length);
    for (const t of tokens) assert.ok(!text.includes(t.split('.')[2] || t), 'no token signature/ciphertext survives');
    assert.ok(!text.includes('131052-308T'));
    assert.deepEqual(scanText(text), []);
    assert.deepEqual(cli(['sanitize', HAR, '-o', out]), { code: 2, stdout: '', stderr: `ftn-inspect: sanitize: output "${out}" exists: use --force to overwrite it\n` });
    assert.equal(cli(['sanitize', HAR, '-o', out, '--force']).code, 0);
    const again = cli([out, '--format', 'json']);
    assert.equal(JSON.parse(again.stdout).tokens.length, 0);
  });

  test('user mistakes: one line, exit 2, nothing written', () => {
    const cases: [string[], string][] = [
      [['sanitize', HAR], 'sanitize: "-o OUT.har" is required'],
      [['sanitize', '-o', path.join(dir, 'x.har')], 'sanitize: no input HAR given'],
      [['sanitize', HAR, '-o', HAR], `sanitize: refusing to overwrite the input "${HAR}": choose another -o`],
      [['sanitize', HAR, '-o', path.join(dir, 'y.har'), '--mode', 'hash'], 'sanitize: "--mode" expects remove or pseudonym, got "hash"'],
      [['sanitize', 'missing.har', '-o', path.join(dir, 'z.har')], 'sanitize: cannot read input "missing.har": no such file'],
    ];
    for (const [args, msg] of cases) assert.deepEqual(cli(args), { code: 2, stdout: '', stderr: `ftn-inspect: ${msg}\n` }, args.join(' '));
    assert.ok(!existsSync(path.join(dir, 'y.har')) && !existsSync(path.join(dir, 'z.har')));
    const bad = cli(['sanitize', 'test/fixtures/har/not-json.har', '-o', path.join(dir, 'w.har')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^ftn-inspect: sanitize: cannot sanitise: the HAR is not valid JSON at byte offset 0 [^\n]+\n$/);
  });
});
