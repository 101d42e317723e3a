import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { IDT_CASES } from './cases.idt';
import { runCases } from './run';
import { cleanIdToken, loud } from './fixtures';

suite('rules: FTN-IDT-*', () => {
  runCases(IDT_CASES);

  test('a clean Telia ID token has no errors or warnings', () => {
    const { token, ctx } = cleanIdToken();
    assert.deepEqual(loud(judgeToken(token, ctx)), []);
  });

  test('loatest2 on the pre-production issuer is fine', () => {
    const { token, ctx } = cleanIdToken();
    ctx.issuer = token.payload!.iss = 'https://tunnistus-pp.telia.fi/uas';
    token.payload!.acr = 'http://ftn.ficora.fi/2017/loatest2';
    assert.deepEqual(judgeToken(token, ctx), []);
  });

  test('no nonce check without an expected nonce; FTN-IDT-ACR only for telia and op', () => {
    const { token, ctx } = cleanIdToken();
    delete ctx.request!.expectedNonce;
    token.payload!.nonce = 'anything';
    ctx.profile = 'idura';
    token.payload!.acr = 'urn:grn:authn:fi:bank-id';
    assert.deepEqual(judgeToken(token, ctx), []);
  });
});
