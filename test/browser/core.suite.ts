/**
 * The real core, unchanged, in Chromium: decode, decrypt a JWE with an imported demo key through the browser's
 * WebCrypto, verify the nested signature, analyze a small HAR, and render the resulting Report with the UI.
 */
import {
  analyzeHar, analyzeText, decodeToken, decryptJwe, DEFAULT_LIMITS, importKeys, isDecodeFailure, KeyRing, verifyJws,
  type DecodedJWE, type DecodedJWS, type Report,
} from '../../src/core/index';
import { renderReportToElement, NO_CAPABILITIES } from '../../src/ui/index';
import brokerJwks from '../../examples/demo-keys/broker-sig.public.jwks.json';
import clientEnc from '../../examples/demo-keys/client-enc.private.jwk.json';
import clientJwks from '../../examples/demo-keys/client.public.jwks.json';
import tok from '../fixtures/ui/core.tokens.json';
import { deepEq, eq, ok, one } from './assert';
import { sampleHar } from './har.sample';

const ENC_KID = '35REihiKB_JqKZpI6313ztoFkYGXsweV_Dy8xWj5rVQ';

/** A ring with the public JWKSs first, then the private enc key (a later key with the same thumbprint replaces an earlier one). */
async function ring(): Promise<KeyRing> {
  const r = new KeyRing();
  for (const k of [clientJwks, brokerJwks, clientEnc]) r.add(await importKeys(JSON.stringify(k)));
  return r;
}

suite('core in the browser', () => {
  test('runs on the browser WebCrypto, without Node globals', () => {
    eq(typeof crypto.subtle.decrypt, 'function');
    eq(typeof (globalThis as Record<string, unknown>).process, 'undefined');
    eq(typeof (globalThis as Record<string, unknown>).Buffer, 'undefined');
  });

  test('decodes a fixture client assertion', () => {
    const d = decodeToken(tok.clientAssertion);
    ok(!isDecodeFailure(d) && d.format === 'JWS', 'a JWS');
    const jws = d as DecodedJWS;
    deepEq(jws.header, { alg: 'RS256', typ: 'JWT', kid: 'Id5FuFgNjX8-LkVHq6tSqxDPaJ0PHI0Zmf3FqLPx0C0' });
    deepEq([jws.payload?.iss, jws.payload?.sub, jws.payload?.aud], ['demo-client', 'demo-client', 'https://demo.idura.broker']);
    eq(jws.signature.length, 256, 'RSA-2048 signature bytes');
  });

  test('imports the demo enc key and decrypts the ID token JWE with WebCrypto', async () => {
    const keys = await importKeys(JSON.stringify(clientEnc));
    eq(keys.length, 1);
    deepEq([keys[0].description.kid, keys[0].description.private, keys[0].description.size], [ENC_KID, true, 2048]);
    const d = decodeToken(tok.idTokenJwe) as DecodedJWE;
    deepEq([d.format, d.header.alg, d.header.enc, d.header.cty], ['JWE', 'RSA-OAEP-256', 'A128CBC-HS256', 'JWT']);
    const out = await decryptJwe(d, tok.idTokenJwe, new KeyRing(keys), DEFAULT_LIMITS);
    deepEq(out.result, { status: 'decrypted', kid: ENC_KID, thumbprint: ENC_KID });
    const inner = new TextDecoder().decode(out.plaintext);
    eq(inner.split('.').length, 3, 'nested compact JWS');
    const nested = decodeToken(inner) as DecodedJWS;
    eq(nested.payload?.hetu, '131052-308T');
    eq(nested.payload?.nonce, 'n-0S6_WzA2Mj-demo-nonce-4f1c9a');
  });

  test('verifies the nested RS256 signature with the broker JWKS, and rejects a tampered one', async () => {
    const keys = await importKeys(JSON.stringify(clientEnc));
    const out = await decryptJwe(decodeToken(tok.idTokenJwe) as DecodedJWE, tok.idTokenJwe, new KeyRing(keys), DEFAULT_LIMITS);
    const inner = new TextDecoder().decode(out.plaintext);
    const broker = new KeyRing(await importKeys(JSON.stringify(brokerJwks)));
    const v = await verifyJws(decodeToken(inner) as DecodedJWS, inner, broker);
    eq(v.result.status, 'valid');
    eq(v.result.kid, '2VxQD-5hy4QHfC5avsEKvtyhp5_lNff-_EdPMHdsO8s');
    const [hd, pl, sig] = inner.split('.');
    const bad = `${hd}.${pl}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    eq((await verifyJws(decodeToken(bad) as DecodedJWS, bad, broker)).result.status, 'invalid');
  });

  test('analyzeText: the ID token is decrypted, its nested signature verified, kind id_token', async () => {
    const r = await analyzeText(tok.idTokenJwe, { keys: await ring(), now: tok.now, clientId: 'demo-client' });
    eq(r.tokens.length, 1);
    const t = r.tokens[0];
    deepEq([t.kind, t.format, t.decryption?.status, t.nested?.format, t.nested?.signature?.status ?? t.signature?.status], ['id_token', 'JWE', 'decrypted', 'JWS', 'valid']);
    eq(t.payload?.sub, 'b5f2c1e0-demo-user-0001');
  });

  test('analyzeHar: entries, kinds, one complete flow, then rendered by the UI', async () => {
    const r: Report = await analyzeHar(sampleHar(tok), { keys: await ring(), clientId: 'demo-client' });
    deepEq(r.entries?.map((e) => [e.method, e.path, e.status, e.tokens]), [['GET', '/oauth2/authorize', 302, [0]], ['GET', '/callback', 200, []], ['POST', '/oauth2/token', 200, [1, 2]]]);
    deepEq(r.tokens.map((t) => t.kind), ['request_object', 'client_assertion', 'id_token']);
    eq(r.tokens[2].decryption?.status, 'decrypted');
    eq(r.flows?.length, 1);
    deepEq(r.flows?.[0].steps.map((s) => s.step), ['authorize', 'callback', 'token']);
    const root = document.createElement('div');
    document.getElementById('fixture')?.append(root);
    const app = renderReportToElement(JSON.parse(JSON.stringify(r)) as Report, root, NO_CAPABILITIES);
    eq(root.querySelectorAll('.ftn-trace tbody tr').length, 2, 'token entries');
    (one(root, '.ftn-tab[data-tab="flows"]') as HTMLElement).click();
    eq(root.querySelectorAll('.ftn-flow .ftn-arrow').length, 3);
    app.dispose();
    root.remove();
  });
});
