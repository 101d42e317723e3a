/** runSanitize (src/cli/cmd.sanitize.ts) in-process: refusals, --force, -o -, input never modified. */
import * as assert from 'node:assert/strict';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSanitize } from '../../src/cli/cmd.sanitize';
import { scanText } from '../../src/core/token.scan';

const SAMPLE = path.resolve(__dirname, '../../examples/ftn-login.har');

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

suite('cli: runSanitize', () => {
  let dir: string;
  let input: string;
  let original: string;
  setup(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ftn-sanitize-'));
    input = path.join(dir, 'in.har');
    original = readFileSync(SAMPLE, 'utf8');
    writeFileSync(input, original);
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a redacted copy, reports the counts on stderr, leaves the input untouched', async () => {
    const { out, io: sink } = io();
    const mtime = statSync(input).mtimeMs;
    const code = await runSanitize([input, '-o', path.join(dir, 'out.har'), '--mode', 'pseudonym'], sink);
    assert.equal(code, 0);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, [
      `sanitize: wrote "${path.join(dir, 'out.har')}": 24 redactions`,
      '  authorization  1', '  code           6', '  code_verifier  2', '  cookie         1', '  hetu           1',
      '  password       2', '  set-cookie     1', '  token          10', '',
    ].join('\n'));
    const written = readFileSync(path.join(dir, 'out.har'), 'utf8');
    assert.deepEqual(scanText(written), []);
    assert.ok(written.includes('REDACTED-code-1'));
    assert.equal(readFileSync(input, 'utf8'), original);
    assert.equal(statSync(input).mtimeMs, mtime);
  });

  test('refuses to overwrite the input: same path, other spelling, hard link, symlink (exit 2)', async () => {
    const hard = path.join(dir, 'hard.har');
    const soft = path.join(dir, 'soft.har');
    linkSync(input, hard);
    symlinkSync(input, soft);
    const cases: [string, string][] = [
      [input, `ftn-inspect: sanitize: refusing to overwrite the input "${input}": choose another -o\n`],
      [path.join(dir, '.', 'sub', '..', 'in.har'), `ftn-inspect: sanitize: refusing to overwrite the input "${input}": choose another -o\n`],
      [hard, `ftn-inspect: sanitize: refusing to overwrite the input "${input}": "${hard}" is the same file\n`],
      [soft, `ftn-inspect: sanitize: refusing to overwrite the input "${input}": "${soft}" is the same file\n`],
    ];
    for (const [target, message] of cases) {
      const { out, io: sink } = io();
      assert.equal(await runSanitize([input, '-o', target, '--force'], sink), 2, target);
      assert.equal(out.stderr, message);
    }
    assert.equal(readFileSync(input, 'utf8'), original);
  });

  test('refuses an existing output without --force, replaces it with --force', async () => {
    const target = path.join(dir, 'out.har');
    writeFileSync(target, 'keep me');
    const first = io();
    assert.equal(await runSanitize([input, '-o', target], first.io), 2);
    assert.equal(first.out.stderr, `ftn-inspect: sanitize: output "${target}" exists: use --force to overwrite it\n`);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
    const second = io();
    assert.equal(await runSanitize([input, `--out=${target}`, '--force', '--keep-token-headers'], second.io), 0);
    assert.deepEqual(readFileSync(target, 'utf8').match(/eyJ[A-Za-z0-9_-]+\.REDACTED\./g)?.length, 10);
  });

  test('-o - writes the HAR to stdout; usage errors and unreadable input exit 2 and write nothing', async () => {
    const s = io();
    assert.equal(await runSanitize([input, '-o', '-'], s.io), 0);
    assert.equal(JSON.parse(s.out.stdout).log.entries.length, 8);
    const cases: [string[], string][] = [
      [[input], 'ftn-inspect: sanitize: "-o OUT.har" is required\n'],
      [['-o', 'x.har'], 'ftn-inspect: sanitize: no input HAR given\n'],
      [[input, '-o', path.join(dir, 'o.har'), '--mode', 'blur'], 'ftn-inspect: sanitize: "--mode" expects remove or pseudonym, got "blur"\n'],
      [[input, '-o', path.join(dir, 'o.har'), '--bogus'], 'ftn-inspect: sanitize: unknown option "--bogus"\n'],
      [[path.join(dir, 'missing.har'), '-o', path.join(dir, 'o.har')], `ftn-inspect: sanitize: cannot read input "${path.join(dir, 'missing.har')}": no such file\n`],
    ];
    for (const [argv, message] of cases) {
      const { out, io: sink } = io();
      assert.equal(await runSanitize(argv, sink), 2, argv.join(' '));
      assert.equal(out.stderr, message);
    }
    const bad = path.join(dir, 'bad.har');
    writeFileSync(bad, '{"nope": 1}');
    const b = io();
    assert.equal(await runSanitize([bad, '-o', path.join(dir, 'o.har')], b.io), 2);
    assert.equal(b.out.stderr, 'ftn-inspect: sanitize: cannot sanitise: not a HAR (missing "log.entries" array)\n');
    assert.equal(existsSync(path.join(dir, 'o.har')), false);
  });
});
