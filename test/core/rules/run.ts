/** Runs a case table: each case fails its rule, and the clean baseline passes it; disabling the rule silences it. */
import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import type { Case } from './fixtures';
import { of } from './fixtures';

/** Register one mocha test per case, plus a disabled-rule test. */
export function runCases(cases: Case[]): void {
  for (const c of cases) {
    test(`${c.rule}: ${c.name}`, () => {
      const clean = c.base();
      assert.deepEqual(of(judgeToken(clean.token, clean.ctx), c.rule), [], 'baseline must pass the rule');
      const { token, ctx } = c.base();
      c.mut(token, ctx);
      const got = of(judgeToken(token, ctx), c.rule);
      assert.ok(got.some((line) => line.startsWith(`${c.severity}: `) && line.includes(c.msg)), `expected ${c.severity} "${c.msg}", got ${JSON.stringify(got)}`);
      const disabled = { ...ctx, disabledRules: new Set([c.rule]) };
      assert.deepEqual(of(judgeToken(token, disabled), c.rule), [], 'a disabled rule is never emitted');
    });
  }
}
