import assert from 'node:assert/strict';
import { classifyToken, type ClassifyInput } from '../../src/core/token.classify';

const jws = (context: ClassifyInput['context'], payload: Record<string, unknown> | null = {}, header: Record<string, unknown> = { alg: 'RS256' }, request?: ClassifyInput['request']): ClassifyInput =>
  ({ context, header, payload, format: 'JWS', request });

suite('classifyToken', () => {
  suite('from the place', () => {
    const cases: [string, ClassifyInput, string, string][] = [
      ['form client_assertion', jws({ container: 'form', name: 'client_assertion' }), 'client_assertion', 'form field "client_assertion"'],
      ['query request', jws({ container: 'query', name: 'request' }), 'request_object', 'query parameter "request"'],
      ['form request (POST authorize)', jws({ container: 'form', name: 'request' }), 'request_object', 'form field "request"'],
      ['JSON id_token', jws({ container: 'json', name: 'id_token' }), 'id_token', 'JSON key "id_token"'],
      ['JSON path $.id_token', jws({ container: 'json', name: '$.id_token' }), 'id_token', 'JSON key "id_token"'],
      ['fragment id_token', jws({ container: 'fragment', name: 'id_token' }), 'id_token', 'fragment parameter "id_token"'],
      ['form id_token (form_post)', jws({ container: 'form', name: 'id_token' }), 'id_token', 'form field "id_token"'],
      ['bearer', jws({ container: 'bearer', name: 'authorization' }), 'access_token', '"Authorization: Bearer" header'],
      ['JSON access_token', jws({ container: 'json', name: 'access_token' }), 'access_token', 'JSON key "access_token"'],
      ['form logout_token', jws({ container: 'form', name: 'logout_token' }), 'logout_token', 'form field "logout_token"'],
      ['userinfo body', jws({ container: 'body' }, {}, { alg: 'RS256' }, { url: 'https://demo.idura.broker/oauth2/userinfo', responseContentType: 'application/jwt' }), 'userinfo', 'userinfo response body'],
    ];
    for (const [name, input, kind, reason] of cases) {
      test(name, () => assert.deepEqual(classifyToken(input), { kind, reason }));
    }
    test('the place wins over claims and typ', () => {
      const input = jws({ container: 'form', name: 'client_assertion' }, { nonce: 'n' }, { alg: 'RS256', typ: 'at+jwt' });
      assert.deepEqual(classifyToken(input), { kind: 'client_assertion', reason: 'form field "client_assertion"' });
    });
  });

  suite('from typ and claims', () => {
    const text = { container: 'text' } as const;
    const cases: [string, ClassifyInput, string, string][] = [
      ['typ oauth-authz-req+jwt', jws(text, {}, { alg: 'RS256', typ: 'oauth-authz-req+jwt' }), 'request_object', 'typ "oauth-authz-req+jwt"'],
      ['typ application/at+jwt', jws(text, {}, { alg: 'RS256', typ: 'application/at+jwt' }), 'access_token', 'typ "application/at+jwt"'],
      ['typ logout+jwt', jws(text, {}, { alg: 'RS256', typ: 'logout+jwt' }), 'logout_token', 'typ "logout+jwt"'],
      ['typ client-authentication+jwt', jws(text, {}, { alg: 'RS256', typ: 'client-authentication+jwt' }), 'client_assertion', 'typ "client-authentication+jwt"'],
      ['events back-channel logout', jws(text, { iss: 'i', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }), 'logout_token', 'claim events (back-channel logout)'],
      ['nonce, at_hash', jws(text, { iss: 'i', nonce: 'n', at_hash: 'h' }), 'id_token', 'claims nonce, at_hash'],
      ['auth_time, acr', jws(text, { auth_time: 1, acr: 'x' }), 'id_token', 'claims auth_time, acr'],
      ['client assertion claims', jws(text, { iss: 'c', sub: 'c', aud: 'https://b', jti: 'j', iat: 100, exp: 160 }), 'client_assertion', 'claims iss = sub, aud, jti'],
      ['request object claims', jws(text, { response_type: 'code', redirect_uri: 'https://rp/cb', nonce: 'n' }), 'request_object', 'claims response_type, redirect_uri'],
      ['access token claims', jws(text, { client_id: 'c', scope: 'openid' }), 'access_token', 'claims client_id, scope without nonce'],
      ['nothing known', jws(text, { foo: 1 }), 'unknown', 'no known place, typ or claims'],
    ];
    for (const [name, input, kind, reason] of cases) {
      test(name, () => assert.deepEqual(classifyToken(input), { kind, reason }));
    }
    test('a long-lived iss = sub token is not a client assertion', () => {
      const r = classifyToken(jws(text, { iss: 'c', sub: 'c', aud: 'a', jti: 'j', iat: 0, exp: 86400 }));
      assert.equal(r.kind, 'unknown');
    });
    test('a JWE: inner header typ, and an unreadable payload', () => {
      const input: ClassifyInput = { context: text, header: { alg: 'RSA-OAEP', enc: 'A256GCM' }, innerHeader: { alg: 'RS256', typ: 'logout+jwt' }, payload: null, format: 'JWE' };
      assert.deepEqual(classifyToken(input), { kind: 'logout_token', reason: 'typ "logout+jwt"' });
      assert.deepEqual(classifyToken({ ...input, innerHeader: null }), { kind: 'unknown', reason: 'no known place or typ; payload not readable' });
    });
  });
});
