import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadDemoKeys } from '../../../scripts/fixtures/keys';
import { DEMO_CODE, HAR_NOW as BUILD_NOW, entry, har, halfSha256, s256 } from '../../../scripts/fixtures/har';
import { DEMO, idToken, logoutToken, requestObject } from '../../../scripts/fixtures/tokens';
import { halfHash, s256 as coreS256 } from '../../../src/core/har/har.checks';
import { analyzeHar } from '../../../src/core/har/har.analyze';
import { HAR_NOW, demoRing, example } from './har.support';

suite('har.checks: hashes', () => {
  test('halfHash follows the JWS alg (SHA-256/384/512, EdDSA → SHA-512) and s256 is RFC 7636', async () => {
    const v = 'some-access-token-value';
    const half = (alg: string, bytes: number) => createHash(alg).update(v).digest().subarray(0, bytes).toString('base64url');
    assert.equal(await halfHash(v, 'RS256'), half('sha256', 16));
    assert.equal(await halfHash(v, 'PS384'), half('sha384', 24));
    assert.equal(await halfHash(v, 'ES512'), half('sha512', 32));
    assert.equal(await halfHash(v, 'EdDSA'), half('sha512', 32));
    assert.equal(await halfHash(v, 'none'), undefined);
    const verifier = 'dBjftJeZ4CVP-mJ92ZD6ueFkdN2QBkdZ4YIr4Q7cHkk';
    assert.equal(await coreS256(verifier), createHash('sha256').update(verifier).digest('base64url'));
    assert.equal(BUILD_NOW, HAR_NOW);
  });
});

suite('har.flow: hybrid / form_post ID token, logout', () => {
  test('an ID token posted to the callback is placed, nonce-checked and c_hash-checked', async () => {
    const keys = loadDemoKeys();
    const t0 = HAR_NOW;
    const ro = await requestObject(keys, { now: t0, claims: { response_type: 'code id_token', response_mode: 'form_post', code_challenge: s256('v'.repeat(43)), code_challenge_method: 'S256' } });
    const idt = await idToken(keys, { now: t0 + 5, claims: { c_hash: 'wrong-c-hash-value-0000' } });
    const good = await idToken(keys, { now: t0 + 5, claims: { c_hash: halfSha256(DEMO_CODE) } });
    const flow = (id: string) => JSON.stringify(har([
      entry({ at: t0, url: `${DEMO.authorizeEndpoint}?client_id=${DEMO.clientId}&request=${ro}`, status: 200, mime: 'text/html', body: '<html>' }),
      entry({ at: t0 + 5, url: DEMO.redirectUri, form: [['code', DEMO_CODE], ['state', DEMO.state], ['id_token', id]], status: 302 }),
    ]));
    const ring = await demoRing();
    const bad = await analyzeHar(flow(idt), { keys: ring, clientId: DEMO.clientId });
    const idx = bad.tokens.findIndex((t) => t.kind === 'id_token');
    assert.deepEqual(bad.tokens[idx].location.har, { entry: 1, part: 'request', field: 'form', name: 'id_token' });
    assert.deepEqual(bad.findings.map((f) => [f.rule, f.message]), [
      ['FTN-FLOW-CHASH', `ID token "c_hash" is "wrong-c-hash-value-0000" but the code hashes to "${halfSha256(DEMO_CODE)}" (RS256)`],
      ['FTN-FLOW-INCOMPLETE', 'the flow has no token request in this trace'],
    ]);
    assert.equal(bad.flows![0].verdict, 'errors');
    const ok = await analyzeHar(flow(good), { keys: ring, clientId: DEMO.clientId });
    assert.deepEqual(ok.findings.map((f) => f.rule), ['FTN-FLOW-INCOMPLETE']);
    assert.deepEqual(ok.flows![0].steps.map((s) => [s.step, s.entry, s.method]), [['authorize', 0, 'GET'], ['callback', 1, 'POST']]);
  });

  test('an ID token in a redirect fragment (implicit/hybrid) is found in the Location header', async () => {
    const keys = loadDemoKeys();
    const idt = await idToken(keys, { now: HAR_NOW, encrypt: false });
    const text = JSON.stringify(har([
      entry({ at: HAR_NOW, url: `${DEMO.authorizeEndpoint}?client_id=${DEMO.clientId}&response_type=id_token&nonce=${DEMO.nonce}&state=${DEMO.state}`, status: 302, resHeaders: [['location', `${DEMO.redirectUri}#id_token=${idt}&state=${DEMO.state}`]] }),
    ]));
    const r = await analyzeHar(text, { keys: await demoRing() });
    assert.deepEqual(r.tokens.map((t) => [t.location.har, t.kind]), [[{ entry: 0, part: 'response', field: 'fragment', name: 'id_token' }, 'id_token']]);
    assert.deepEqual(r.findings.map((f) => f.rule), ['FTN-RO-PRESENT', 'FTN-FLOW-INCOMPLETE']);
  });

  test('a back-channel logout token is classified and its entry is a logout step', async () => {
    const keys = loadDemoKeys();
    const lt = await logoutToken(keys, { now: HAR_NOW });
    const r = await analyzeHar(JSON.stringify(har([entry({ at: HAR_NOW, url: 'https://app.example.com/backchannel-logout', form: [['logout_token', lt]] })])), { keys: await demoRing() });
    assert.deepEqual(r.tokens.map((t) => [t.location.har?.field, t.location.har?.name, t.kind]), [['form', 'logout_token', 'logout_token']]);
    assert.deepEqual(r.entries?.map((e) => e.entry), [0]);
  });

  test('a backend-only token request starts a flow; Authorization: Basic there is FTN-CA-NOSECRET', async () => {
    const text = JSON.stringify(har([
      entry({ at: HAR_NOW, url: `${DEMO.tokenEndpoint}`, form: [['grant_type', 'authorization_code'], ['code', 'abc123456']], reqHeaders: [['authorization', 'Basic ZGVtby1jbGllbnQ6c2VjcmV0']], mime: 'application/json', body: '{}' }),
    ]));
    const r = await analyzeHar(text);
    assert.deepEqual(r.findings.map((f) => [f.rule, f.message]), [
      ['FTN-CA-NOSECRET', 'the token request (entry 0) sends a client secret in "Authorization: Basic": FTN clients authenticate with private_key_jwt'],
      ['FTN-FLOW-INCOMPLETE', 'the flow has no callback in this trace'],
    ]);
    assert.deepEqual(r.flows?.map((f) => [f.verdict, f.steps.map((s) => s.step).join()]), [['errors', 'token']]);
  });
});

suite('har.flow: plain JSON userinfo', () => {
  test('a plain-JSON userinfo response is checked against the ID token sub too', async () => {
    const text = JSON.parse(example());
    const ui = text.log.entries[6].response;
    ui.content = { size: 0, mimeType: 'application/json', text: JSON.stringify({ sub: 'other-sub-0003', hetu: '131052-308T' }) };
    const r = await analyzeHar(JSON.stringify(text), { keys: await demoRing(), clientId: DEMO.clientId });
    assert.deepEqual(r.findings.map((f) => [f.rule, f.message]), [['FTN-UI-SUB', 'userinfo "sub" is "other-sub-0003" but the ID token "sub" is "b5f2c1e0-demo-user-0001"']]);
  });
});
