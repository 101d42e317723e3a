// Mocha reporter: the spec reporter's output, plus the counts written to $FTN_TEST_RESULTS (JSON) so
// scripts/test.mjs can total every layer into one "N passed, N failed" line.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const out = process.env.FTN_TEST_RESULTS;
      const s = runner.stats || {};
      if (out) fs.writeFileSync(out, JSON.stringify({ passed: s.passes || 0, failed: s.failures || 0, skipped: s.pending || 0 }));
    });
  }
}
module.exports = CountingReporter;
