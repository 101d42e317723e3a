import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { RO_CASES } from './cases.ro';
import { runCases } from './run';
import { cleanRequestObject, report } from './fixtures';

suite('rules: FTN-RO-*', () => {
  runCases(RO_CASES);

  test('a clean Telia request object has no findings at all', () => {
    const { token, ctx } = cleanRequestObject();
    assert.deepEqual(judgeToken(token, ctx), []);
  });

  test('a HETU in an encrypted request object is fine', () => {
    const { token, ctx } = cleanRequestObject();
    const payload = { ...token.payload!, login_hint: '131052-308T' };
    const jwe = report({ format: 'JWE', header: { alg: 'RSA-OAEP', enc: 'A128CBC-HS256', cty: 'JWT' }, nestedHeader: token.header, payload });
    assert.deepEqual(judgeToken(jwe, ctx).map((f) => `${f.rule} ${f.severity}`), ['FTN-RO-ENC info']);
  });

  test('FTN-RO-ACR applies to the telia profile only', () => {
    const { token, ctx } = cleanRequestObject();
    ctx.profile = 'ftn';
    delete token.payload!.acr_values;
    assert.deepEqual(judgeToken(token, ctx).filter((f) => f.rule === 'FTN-RO-ACR'), []);
  });
});
