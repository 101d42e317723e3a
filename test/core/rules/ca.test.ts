import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { CA_CASES } from './cases.ca';
import { runCases } from './run';
import { cleanAssertion, IDURA_ISS } from './fixtures';

suite('rules: FTN-CA-*', () => {
  runCases(CA_CASES);

  test('a clean Telia assertion has no findings at all', () => {
    const { token, ctx } = cleanAssertion();
    assert.deepEqual(judgeToken(token, ctx), []);
  });

  test('idura: aud = issuer, compared with ctx.issuer when known', () => {
    const { token, ctx } = cleanAssertion();
    ctx.profile = 'idura';
    ctx.issuer = IDURA_ISS;
    delete ctx.request;
    token.payload!.aud = `${IDURA_ISS}/`;
    assert.deepEqual(judgeToken(token, ctx), []);
  });

  test('form rules need a client_assertion in the form', () => {
    const { token, ctx } = cleanAssertion();
    ctx.request = { url: 'https://tunnistus.telia.fi/uas/oauth2/token', form: { grant_type: ['authorization_code'] }, time: ctx.now };
    assert.deepEqual(judgeToken(token, ctx).map((f) => f.rule), []);
  });

  test('the request time of the HAR entry wins over ctx.now', () => {
    const { token, ctx } = cleanAssertion();
    ctx.now += 3600;
    assert.deepEqual(judgeToken(token, ctx), []);
  });
});
