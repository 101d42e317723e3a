/**
 * The in-host test entry: VS Code's extension host requires this module (bundled by test/vscode/run.mjs into
 * dist/test/vscode-suite.js) and awaits run(). Test files are listed explicitly, in order (vscode-hexeditor style).
 * Counts go to $FTN_VSCODE_HOST_RESULTS (else $FTN_TEST_RESULTS) as {passed, failed, skipped}.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

const TESTS: Array<() => Promise<unknown>> = [
  () => import('./activation.test'),
  () => import('./markdown.test'),
  () => import('./hover.test'),
  () => import('./diagnostics.test'),
  () => import('./keys.test'),
  () => import('./inspect.test'),
  () => import('./har.test'),
];

/** Runs every listed suite with mocha TDD; rejects when a test fails. */
export async function run(): Promise<void> {
  const grep = process.env.FTN_VSCODE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  // Define suite/test/setup… globals before the test modules evaluate.
  mocha.suite.emit('pre-require', globalThis, 'ftn-vscode-suite', mocha);
  for (const load of TESTS) await load();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.FTN_VSCODE_HOST_RESULTS || process.env.FTN_TEST_RESULTS;
      const s = runner.stats ?? { passes: 0, failures, pending: 0 };
      if (out) writeFileSync(out, JSON.stringify({ passed: s.passes, failed: s.failures, skipped: s.pending }));
      console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
