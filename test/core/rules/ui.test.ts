import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { UI_CASES } from './cases.ui';
import { runCases } from './run';
import { cleanUserinfo } from './fixtures';

suite('rules: FTN-UI-*', () => {
  runCases(UI_CASES);

  test('a clean Idura userinfo response has no findings at all', () => {
    const { token, ctx } = cleanUserinfo();
    assert.deepEqual(judgeToken(token, ctx), []);
  });

  test('without a response content type FTN-UI-CT does not apply', () => {
    const { token, ctx } = cleanUserinfo();
    delete ctx.request;
    assert.deepEqual(judgeToken(token, ctx), []);
  });
});
