#!/usr/bin/env node
// Runs every test layer and prints one closing line: "N passed, N failed, N skipped".
// Layers: typecheck and build are gates (a failure counts as one failed test); unit (mocha in Node),
// browser (the core suite and the UI in Chromium), vscode (the extension in a real workbench),
// devtools (the MV3 extension in Chromium). Each layer writes {passed, failed, skipped} to
// .test-results/<layer>.json; a layer that dies without writing it counts as one failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);

const mocha = (name, globs, extra = []) => ({
  name,
  cmd: 'npx',
  args: ['mocha', '--ui', 'tdd', '--require', 'tsx/cjs', '--reporter', 'test/support/countingReporter.cjs', '--timeout', '20000', ...extra, ...globs],
});

const layers = [
  { name: 'typecheck', gate: true, cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json'] },
  { name: 'build', gate: true, cmd: 'npx', args: ['webpack', '--mode', 'production'] },
  mocha('unit', ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/security/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/bench/**/*.test.ts']),
  { name: 'browser', cmd: 'node', args: ['test/browser/run.mjs'], needs: 'test/browser/run.mjs' },
  { name: 'devtools', cmd: 'node', args: ['test/devtools/run.mjs'], needs: 'test/devtools/run.mjs' },
  { name: 'vscode', cmd: 'node', args: ['test/vscode/run.mjs'], needs: 'test/vscode/run.mjs' },
  { name: 'package', cmd: 'node', args: ['test/package/run.mjs'] },
];

let passed = 0, failed = 0, skipped = 0;
const lines = [];
for (const layer of layers) {
  if (only.length && !only.includes(layer.name)) continue;
  if (layer.needs && !existsSync(join(root, layer.needs))) continue;
  const out = join(results, `${layer.name}.json`);
  console.log(`\n=== ${layer.name} ===`);
  const t0 = Date.now();
  const r = spawnSync(layer.cmd, layer.args, { cwd: root, stdio: 'inherit', env: { ...process.env, FTN_TEST_RESULTS: out } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  let counts;
  if (layer.gate) counts = r.status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  else if (existsSync(out)) {
    counts = JSON.parse(readFileSync(out, 'utf8'));
    if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // died after reporting
  } else counts = { passed: 0, failed: 1, skipped: 0 };
  passed += counts.passed; failed += counts.failed; skipped += counts.skipped || 0;
  lines.push(`${layer.name.padEnd(10)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed ${String(counts.skipped || 0).padStart(3)} skipped  (${secs} s)`);
}
console.log('\n=== summary ===\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
