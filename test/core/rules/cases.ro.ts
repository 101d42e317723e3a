/** Failing cases of the FTN-RO-* rules (base: a clean Telia request object). */
import type { Case } from './fixtures';
import { NOW, CLIENT, cleanRequestObject, report } from './fixtures';

const b = cleanRequestObject;
const H = (t: { header: Record<string, unknown> | null }) => t.header!;
const P = (t: { payload: Record<string, unknown> | null }) => t.payload!;
/** The same request object, as an OP one (scope with personal_identity_code, no acr_values). */
const op = () => {
  const x = cleanRequestObject();
  x.ctx.profile = 'op';
  x.ctx.issuer = 'https://isb.op.fi';
  Object.assign(x.token.payload!, { aud: 'https://isb.op.fi', scope: 'openid personal_identity_code' });
  return x;
};

export const RO_CASES: Case[] = [
  { rule: 'FTN-RO-SIGNED', name: 'alg none', base: b, mut: (t) => { H(t).alg = 'none'; }, severity: 'error', msg: '"alg" is "none": the request object is not signed' },
  { rule: 'FTN-RO-SIGNED', name: 'JWE around plain claims', base: b, mut: (t) => { Object.assign(t, report({ format: 'JWE', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' }, payload: P(t) })); }, severity: 'error', msg: 'decrypted request object is not a JWS: it must be signed, then encrypted' },
  { rule: 'FTN-RO-ALG', name: 'PS256 at telia (W)', base: b, mut: (t) => { H(t).alg = 'PS256'; }, severity: 'warning', msg: '"alg" is "PS256"; FTN brokers document "RS256"' },
  { rule: 'FTN-RO-ALG', name: 'PS256 at op (E)', base: op, mut: (t) => { H(t).alg = 'PS256'; }, severity: 'error', msg: '"alg" is "PS256"; OP requires "RS256"' },
  { rule: 'FTN-RO-KID', name: 'no kid', base: b, mut: (t) => { delete H(t).kid; }, severity: 'warning', msg: 'request object header has no "kid"' },
  { rule: 'FTN-RO-TYP', name: 'typ JWT', base: b, mut: (t) => { H(t).typ = 'JWT'; }, severity: 'info', msg: '"typ" is "JWT"; RFC 9101 recommends "oauth-authz-req+jwt"' },
  { rule: 'FTN-RO-ISS', name: 'telia: iss missing (E)', base: b, mut: (t) => { delete P(t).iss; }, severity: 'error', msg: '"iss" claim is missing; it must be the client_id' },
  { rule: 'FTN-RO-ISS', name: 'generic FTN: iss other (W)', base: b, mut: (t, c) => { c.profile = 'ftn'; P(t).iss = 'other'; }, severity: 'warning', msg: `"iss" is "other" but the client_id is "${CLIENT}"` },
  { rule: 'FTN-RO-ISS', name: 'op with jti: iss other (E)', base: op, mut: (t) => { P(t).iss = 'other'; }, severity: 'error', msg: `"iss" is "other" but the client_id is "${CLIENT}"` },
  { rule: 'FTN-RO-AUD', name: 'aud missing', base: b, mut: (t) => { delete P(t).aud; }, severity: 'error', msg: '"aud" claim is missing; it must be the broker issuer' },
  { rule: 'FTN-RO-AUD', name: 'telia: token endpoint as aud', base: b, mut: (t) => { P(t).aud = 'https://tunnistus.telia.fi/uas/oauth2/token'; }, severity: 'error', msg: '"aud" is "https://tunnistus.telia.fi/uas/oauth2/token" but the broker issuer is ["https://tunnistus.telia.fi/uas","https://tunnistus-pp.telia.fi/uas"]' },
  { rule: 'FTN-RO-AUD', name: 'op: other issuer', base: op, mut: (t) => { P(t).aud = 'https://isb-test.op.fi'; }, severity: 'error', msg: '"aud" is "https://isb-test.op.fi" but the broker issuer is "https://isb.op.fi"' },
  { rule: 'FTN-RO-CID', name: 'client_id missing', base: b, mut: (t) => { delete P(t).client_id; }, severity: 'error', msg: '"client_id" claim is missing' },
  { rule: 'FTN-RO-CID', name: 'client_id ≠ iss', base: b, mut: (t, c) => { delete c.clientId; P(t).client_id = 'x'; }, severity: 'error', msg: `"client_id" is "x" but "iss" is "${CLIENT}"` },
  { rule: 'FTN-RO-CID', name: 'client_id ≠ query client_id', base: b, mut: (_t, c) => { c.request!.query!.client_id = ['y']; }, severity: 'error', msg: `"client_id" is "${CLIENT}" but query parameter "client_id" is "y"` },
  { rule: 'FTN-RO-RT', name: 'implicit flow', base: b, mut: (t) => { P(t).response_type = 'id_token token'; }, severity: 'error', msg: '"response_type" is "id_token token", expected "code"' },
  { rule: 'FTN-RO-RT', name: 'missing', base: b, mut: (t) => { delete P(t).response_type; }, severity: 'error', msg: '"response_type" is missing, expected "code"' },
  { rule: 'FTN-RO-REDIR', name: 'http', base: b, mut: (t) => { P(t).redirect_uri = 'http://rp.example/cb'; }, severity: 'error', msg: '"redirect_uri" is "http://rp.example/cb"; it must be an https URL' },
  { rule: 'FTN-RO-REDIR', name: 'wildcard', base: b, mut: (t) => { P(t).redirect_uri = 'https://*.rp.example/cb'; }, severity: 'error', msg: 'it must not contain a wildcard' },
  { rule: 'FTN-RO-REDIR', name: 'missing', base: b, mut: (t) => { delete P(t).redirect_uri; }, severity: 'error', msg: '"redirect_uri" claim is missing' },
  { rule: 'FTN-RO-SCOPE', name: 'no openid', base: b, mut: (t) => { P(t).scope = 'profile'; }, severity: 'error', msg: '"scope" is "profile" and does not contain "openid"' },
  { rule: 'FTN-RO-SCOPE', name: 'op without personal_identity_code', base: op, mut: (t) => { P(t).scope = 'openid'; }, severity: 'error', msg: '"scope" is "openid"; OP requires "personal_identity_code" too' },
  { rule: 'FTN-RO-ACR', name: 'telia: acr_values missing', base: b, mut: (t) => { delete P(t).acr_values; }, severity: 'error', msg: '"acr_values" is missing; Telia\'s 213/2023 S profile requires it' },
  { rule: 'FTN-RO-ACR', name: 'telia: undocumented value', base: b, mut: (t) => { P(t).acr_values = 'urn:grn:authn:fi:bank-id'; }, severity: 'info', msg: '"acr_values" holds "urn:grn:authn:fi:bank-id", not a documented Telia value' },
  { rule: 'FTN-RO-STATE', name: 'no state', base: b, mut: (t) => { delete P(t).state; }, severity: 'warning', msg: '"state" claim is missing' },
  { rule: 'FTN-RO-NONCE', name: 'no nonce', base: b, mut: (t) => { delete P(t).nonce; }, severity: 'warning', msg: '"nonce" claim is missing' },
  { rule: 'FTN-RO-NONCE', name: 'short nonce', base: b, mut: (t) => { P(t).nonce = 'abc123'; }, severity: 'warning', msg: '"nonce" is 6 characters long; at least 22 (128 bits) are advised' },
  { rule: 'FTN-RO-EXP', name: 'no exp (W)', base: b, mut: (t) => { delete P(t).exp; }, severity: 'warning', msg: '"exp" claim is missing; about 600 s is suggested' },
  { rule: 'FTN-RO-EXP', name: 'expired (E)', base: b, mut: (t) => { P(t).exp = NOW - 61; }, severity: 'error', msg: '61 s before the request time: the request object has expired' },
  { rule: 'FTN-RO-LIFE', name: 'exp − nbf 2 h', base: b, mut: (t) => { P(t).exp = NOW + 7200; }, severity: 'warning', msg: '"exp" is 7200 s after "nbf"; best practice keeps a request object under 60 min' },
  { rule: 'FTN-RO-LIFE', name: 'nbf 2 h old', base: b, mut: (t) => { P(t).nbf = NOW - 7200; P(t).iat = NOW - 7200; P(t).exp = NOW + 60; }, severity: 'warning', msg: '"exp" is 7260 s after "nbf"' },
  { rule: 'FTN-RO-LIFE', name: 'nbf 2 h old, no exp', base: b, mut: (t) => { P(t).nbf = NOW - 7200; delete P(t).exp; }, severity: 'warning', msg: '"nbf" is 7200 s before the request time; best practice rejects request objects older than 60 min' },
  { rule: 'FTN-RO-NBF', name: 'nbf in the future', base: b, mut: (t) => { P(t).nbf = NOW + 120; }, severity: 'error', msg: '"nbf" is 1700000120 (2023-11-14T22:15:20Z), 120 s after the request time: not yet valid' },
  { rule: 'FTN-RO-JTI', name: 'no jti', base: b, mut: (t) => { delete P(t).jti; }, severity: 'info', msg: 'request object has no "jti"; brokers use it to detect replays' },
  { rule: 'FTN-RO-NESTED', name: 'request_uri inside', base: b, mut: (t) => { P(t).request_uri = 'urn:x'; }, severity: 'error', msg: 'request object contains a "request_uri" claim; it must not' },
  { rule: 'FTN-RO-SUB', name: 'sub = client_id', base: b, mut: (t) => { P(t).sub = CLIENT; }, severity: 'warning', msg: `request object has "sub" "${CLIENT}" equal to "iss": it could be replayed as a client assertion` },
  { rule: 'FTN-RO-QUERY', name: 'scope differs in the query', base: b, mut: (_t, c) => { c.request!.query!.scope = ['openid profile']; }, severity: 'error', msg: 'query parameter "scope" is "openid profile" but the request object claim is "openid"; the broker uses only the request object' },
  { rule: 'FTN-RO-ENC', name: 'encrypted request object', base: b, mut: (t) => { const n = report({ format: 'JWE', header: { alg: 'RSA-OAEP', enc: 'A128CBC-HS256', cty: 'JWT' }, nestedHeader: H(t), payload: P(t) }); Object.assign(t, n); }, severity: 'info', msg: 'encrypted request object ("RSA-OAEP", "A128CBC-HS256")' },
  { rule: 'FTN-RO-PII', name: 'HETU in login_hint', base: b, mut: (t) => { P(t).login_hint = '131052-308T'; t.payloadText = JSON.stringify(P(t)); }, severity: 'warning', msg: 'unencrypted request object carries a HETU (personal identity code)' },
  { rule: 'FTN-RO-SPNAME', name: '41 characters', base: b, mut: (t) => { P(t).ftn_spname = 'x'.repeat(41); }, severity: 'warning', msg: '"ftn_spname" is 41 characters long; Telia allows at most 40' },
];
