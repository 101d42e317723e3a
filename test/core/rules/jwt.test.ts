import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { JWT_CASES } from './cases.jwt';
import { runCases } from './run';
import { NOW, cleanAssertion, cleanIdToken, loud, of } from './fixtures';

suite('rules: JWT-*', () => {
  runCases(JWT_CASES);

  test('a JWE before decryption runs header rules only', () => {
    const { token, ctx } = cleanIdToken();
    token.decryption = { status: 'no-key' };
    token.payload = null;
    token.nested = null;
    token.header!.zip = 'DEF';
    const fs = judgeToken(token, ctx);
    assert.deepEqual(fs.map((f) => f.rule), ['JWT-PAYLOAD-HIDDEN', 'FTN-IDT-ZIP']);
  });

  test('time rules use ctx.now and ctx.skew only', () => {
    const { token, ctx } = cleanAssertion();
    ctx.profile = 'generic';
    token.payload!.exp = NOW - 30;
    assert.deepEqual(of(judgeToken(token, ctx), 'JWT-TIME'), [], 'within skew');
    assert.equal(of(judgeToken(token, { ...ctx, skew: 0 }), 'JWT-TIME').length, 1);
    assert.deepEqual(of(judgeToken(token, { ...ctx, now: NOW - 3600 }), 'JWT-TIME'), [
      'warning: "iat" is 1700000000 (2023-11-14T22:13:20Z), 3600 s after the reference time: issued in the future (skew 60 s)',
    ]);
  });

  test('generic profile: FTN rules off, JWT rules on', () => {
    const { token, ctx } = cleanAssertion();
    ctx.profile = 'generic';
    token.header = { alg: 'none' };
    const rules = judgeToken(token, ctx).map((f) => f.rule);
    assert.deepEqual(rules, ['JWT-NONE']);
  });

  test('findings carry claim, reason and the row source', () => {
    const { token, ctx } = cleanAssertion();
    token.payload!.exp = 'soon';
    const f = judgeToken(token, ctx).find((x) => x.rule === 'JWT-NUMDATE');
    assert.deepEqual(f, { rule: 'JWT-NUMDATE', severity: 'error', message: '"exp" is "soon", not a JSON number of seconds (NumericDate)', claim: 'exp', reason: 'invalid', source: 'RFC7519 §2; FAPI issue #211' });
    assert.deepEqual(loud(judgeToken(cleanAssertion().token, cleanAssertion().ctx)), []);
  });
});

suite('rules: JWT-KID-INJECT vocabulary', () => {
  const kidFindings = (kid: string) => {
    const { token, ctx } = cleanAssertion();
    token.header!.kid = kid;
    return judgeToken(token, ctx).filter((f) => f.rule === 'JWT-KID-INJECT').length;
  };
  for (const kid of ['../../etc/passwd', '/dev/null', 'C:\\keys\\a', 'https://evil.example/k', "1' OR '1'='1", 'k; DROP TABLE keys', 'a|b', '$(id)']) {
    test(`flags ${JSON.stringify(kid)}`, () => assert.equal(kidFindings(kid), 1));
  }
  for (const kid of ['sig-1', 'nOo3ZDrODXEK1jKWhXslHR_KXEg', 'abc/def+ghi=', 'urn:uuid:7b3c', '2024-01-rotation']) {
    test(`accepts ${JSON.stringify(kid)}`, () => assert.equal(kidFindings(kid), 0));
  }
});
