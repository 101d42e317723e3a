import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanText } from '../../src/core/token.scan';
import { adversarialText, mixedText } from '../../bench/gen.text';
import { b64chars, rng } from '../../bench/prng';
import { bodyOf } from '../../bench/row.extension';
import { GREP_PATTERN } from '../../bench/row.scan';
import { table } from '../../bench/row';

// Three real compact tokens (unsecured JWS, HS256-shaped JWS, JWE-shaped): scanning needs only the header.
const TOKENS = [
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0.a2V5.aXY.Y2lwaGVy.dGFn',
];

suite('bench: generators and helpers', () => {
  test('the PRNG is deterministic (mulberry32 reference values)', () => {
    const r = rng(1);
    assert.deepEqual([r.next(), r.next(), r.next()].map((x) => x.toFixed(10)), ['0.6270739406', '0.0027357212', '0.5274470400']);
    assert.equal(b64chars(rng(7), 12), b64chars(rng(7), 12));
  });

  test('mixed text: same seed, same text; the scanner finds exactly what grep -oE finds', () => {
    const text = [...mixedText(3, 200_000, TOKENS, 2_000)].join('');
    assert.equal(text, [...mixedText(3, 200_000, TOKENS, 2_000)].join(''));
    const found = scanText(text);
    assert.ok(found.length > 50, `${found.length} tokens`);
    assert.ok(found.every((f) => TOKENS.includes(f.token)));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ftn-bench-')), 'mixed.txt');
    writeFileSync(file, text);
    const grep = spawnSync('grep', ['-oE', GREP_PATTERN, file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    assert.deepEqual(found.map((f) => f.token), grep.stdout.split('\n').filter(Boolean));
  });

  test('adversarial text holds no token and is the size asked for (±1 piece)', () => {
    const text = [...adversarialText(5, 300_000)].join('');
    assert.ok(text.length >= 300_000 && text.length < 320_000, String(text.length));
    assert.deepEqual(scanText(text), []);
  });

  test('bodyOf finds the body of activate() in the extension source', () => {
    const src = readFileSync(path.resolve(__dirname, '../../src/vscode/extension.ts'), 'utf8');
    const body = bodyOf(src, /export async function activate\s*\(/);
    assert.ok(body?.includes('registerHoverProvider'));
    assert.equal(bodyOf('function f(a) { if (a) { return 1; } return 2; } x', /function f\s*\(/), ' if (a) { return 1; } return 2; ');
  });

  test('table() pads columns and marks missed targets', () => {
    const t = table([{ row: 'r', input: 'i', figure: 'f', baseline: 'b', ratio: 2, target: '≤ 1×', met: false }]);
    assert.equal(t.split('\n')[2], '| r   | i     | f      | b        | 2.00× | ≤ 1×   | NO   |');
  });
});
