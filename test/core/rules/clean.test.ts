import assert from 'node:assert/strict';
import { judgeToken } from '../../../src/core/rules/engine';
import { judgeKeySet } from '../../../src/core/rules/rules.key';
import type { RuleContext } from '../../../src/core/rules/context';
import type { TokenReport } from '../../../src/core/types';
import { cleanAssertion, cleanIdToken, cleanRequestObject, cleanUserinfo, cleanJwks, loud, IDURA_ISS } from './fixtures';

type Set4 = { token: TokenReport; ctx: RuleContext }[];

/** The four clean tokens, moved to another broker's values. */
function setFor(profile: RuleContext['profile'], issuer: string, tokenEndpoint: string, assertionAud: string, extraScope = ''): Set4 {
  const ca = cleanAssertion(), ro = cleanRequestObject(), idt = cleanIdToken(), ui = cleanUserinfo();
  for (const x of [ca, ro, idt, ui]) { x.ctx.profile = profile; x.ctx.issuer = issuer; }
  ca.token.payload!.aud = assertionAud;
  ca.ctx.request!.url = tokenEndpoint;
  ca.ctx.tokenEndpoint = tokenEndpoint;
  Object.assign(ro.token.payload!, { aud: issuer, scope: `openid${extraScope}` });
  if (profile !== 'telia') delete ro.token.payload!.acr_values;
  idt.token.payload!.iss = ui.token.payload!.iss = issuer;
  return [ca, ro, idt, ui];
}

suite('rules: clean FTN token sets', () => {
  const sets: [string, () => Set4][] = [
    ['telia', () => [cleanAssertion(), cleanRequestObject(), cleanIdToken(), cleanUserinfo()].map((x) => { x.ctx.profile = 'telia'; return x; })],
    ['idura', () => setFor('idura', IDURA_ISS, `${IDURA_ISS}/oauth2/token`, IDURA_ISS)],
    ['op', () => setFor('op', 'https://isb.op.fi', 'https://isb.op.fi/oauth/token', 'https://isb.op.fi/oauth/token', ' personal_identity_code')],
    ['signicat', () => setFor('signicat', 'https://acme.app.signicat.com/auth/open', 'https://acme.app.signicat.com/auth/open/connect/token', 'https://acme.app.signicat.com/auth/open/connect/token')],
    ['ftn', () => setFor('ftn', 'https://broker.example', 'https://broker.example/token', 'https://broker.example')],
  ];
  for (const [name, make] of sets) {
    test(`${name}: zero errors and zero warnings`, () => {
      for (const { token, ctx } of make()) assert.deepEqual(loud(judgeToken(token, ctx)), [], `${ctx.kind} under ${name}`);
      assert.deepEqual(judgeKeySet(cleanJwks(), { profile: make()[0].ctx.profile }), []);
    });
  }

  test('the idura assertion aud is checked against the issuer, not the endpoint called', () => {
    const [ca] = setFor('idura', IDURA_ISS, `${IDURA_ISS}/oauth2/token`, `${IDURA_ISS}/oauth2/token`);
    assert.deepEqual(judgeToken(ca.token, ca.ctx).map((f) => `${f.rule} ${f.severity}`), ['FTN-CA-AUD-VAL error']);
  });
});
