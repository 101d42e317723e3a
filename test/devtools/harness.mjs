// A tiny sequential test harness: prints ✔/✖ per test, writes {passed, failed, skipped} for scripts/test.mjs.
import { writeFileSync } from 'node:fs';

/** Creates a harness; `run(name, fn)` runs one test, `skip(name, why)` records a skip. */
export function harness() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  return {
    counts,
    async run(name, fn) {
      const t0 = Date.now();
      try {
        await fn();
        counts.passed++;
        console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
        return true;
      } catch (e) {
        counts.failed++;
        console.log(`  ✖ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
        return false;
      }
    },
    /** Adds the counts of a sub-run (the Node unit tests). */
    merge(c) {
      counts.passed += c.passed || 0; counts.failed += c.failed || 0; counts.skipped += c.skipped || 0;
    },
    skip(name, why) {
      counts.skipped++;
      console.log(`  - ${name} (skipped: ${why})`);
    },
    finish() {
      if (process.env.FTN_TEST_RESULTS) writeFileSync(process.env.FTN_TEST_RESULTS, JSON.stringify(counts));
      console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      return counts.failed ? 1 : 0;
    },
  };
}
