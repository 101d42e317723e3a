/** Failing cases of the FTN-CA-* rules (base: a clean Telia client assertion and its token request). */
import type { Case } from './fixtures';
import { NOW, CLIENT, IDURA_ISS, cleanAssertion, sigKey } from './fixtures';

const b = cleanAssertion;
const H = (t: { header: Record<string, unknown> | null }) => t.header!;
const P = (t: { payload: Record<string, unknown> | null }) => t.payload!;
/** A clean Idura assertion: aud is the issuer. */
const idura = () => {
  const x = cleanAssertion();
  x.ctx.profile = 'idura';
  x.token.payload!.aud = IDURA_ISS;
  x.ctx.request!.url = `${IDURA_ISS}/oauth2/token`;
  return x;
};
const ftn = () => { const x = cleanAssertion(); x.ctx.profile = 'ftn'; return x; };

export const CA_CASES: Case[] = [
  { rule: 'FTN-CA-TYPE', name: 'client_assertion_type missing', base: b, mut: (_t, c) => { delete c.request!.form!.client_assertion_type; }, severity: 'error', msg: 'form field "client_assertion_type" is missing, expected "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"' },
  { rule: 'FTN-CA-TYPE', name: 'saml2-bearer type', base: b, mut: (_t, c) => { c.request!.form!.client_assertion_type = ['urn:ietf:params:oauth:client-assertion-type:saml2-bearer']; }, severity: 'error', msg: 'form field "client_assertion_type" is "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"' },
  { rule: 'FTN-CA-NOSECRET', name: 'client_secret form field', base: b, mut: (_t, c) => { c.request!.form!.client_secret = ['s3cr3t']; }, severity: 'error', msg: 'token request sends form field "client_secret"; FTN requires private_key_jwt' },
  { rule: 'FTN-CA-NOSECRET', name: 'Basic authorization', base: b, mut: (_t, c) => { c.request!.headers = { authorization: ['Basic ZGVtbzpzZWNyZXQ='] }; }, severity: 'error', msg: 'token request sends "Authorization: Basic" (client_secret_basic)' },
  { rule: 'FTN-CA-ALG-NONE', name: 'HS256', base: b, mut: (t) => { H(t).alg = 'HS256'; }, severity: 'error', msg: '"alg" is "HS256": that is client_secret_jwt, not private_key_jwt' },
  { rule: 'FTN-CA-ALG-NONE', name: 'none', base: b, mut: (t) => { H(t).alg = 'none'; }, severity: 'error', msg: '"alg" is "none": that is an unsigned assertion, not private_key_jwt' },
  { rule: 'FTN-CA-ALG', name: 'PS256', base: b, mut: (t) => { H(t).alg = 'PS256'; }, severity: 'warning', msg: '"alg" is "PS256"; every FTN broker documents only "RS256" for client assertions' },
  { rule: 'FTN-CA-KID', name: 'no kid (telia: W)', base: b, mut: (t) => { delete H(t).kid; }, severity: 'warning', msg: 'client assertion header has no "kid"; the broker needs it when the client JWKS has more than one key' },
  { rule: 'FTN-CA-KID', name: 'no kid (idura: E)', base: idura, mut: (t) => { delete H(t).kid; }, severity: 'error', msg: 'client assertion header has no "kid"; Idura requires it' },
  { rule: 'FTN-CA-TYP', name: 'no typ', base: b, mut: (t) => { delete H(t).typ; }, severity: 'info', msg: 'client assertion has no "typ"; rfc7523bis recommends "client-authentication+jwt"' },
  { rule: 'FTN-CA-TYP', name: 'typ JWT', base: b, mut: (t) => { H(t).typ = 'JWT'; }, severity: 'info', msg: '"typ" is "JWT"; rfc7523bis recommends' },
  { rule: 'FTN-CA-TYP', name: 'request object type', base: b, mut: (t) => { H(t).typ = 'oauth-authz-req+jwt'; }, severity: 'warning', msg: '"typ" is "oauth-authz-req+jwt", the type of another kind of JWT' },
  { rule: 'FTN-CA-ISS-SUB', name: 'iss ≠ sub', base: b, mut: (t) => { P(t).sub = 'other'; }, severity: 'error', msg: `"iss" is "${CLIENT}" but "sub" is "other"; both must be the client_id` },
  { rule: 'FTN-CA-ISS-SUB', name: 'not the client_id', base: b, mut: (t) => { P(t).iss = P(t).sub = 'other'; }, severity: 'error', msg: `"iss" and "sub" are "other" but the client_id is "${CLIENT}"` },
  { rule: 'FTN-CA-ISS-SUB', name: 'not the form client_id', base: b, mut: (_t, c) => { delete c.clientId; c.request!.form!.client_id = ['x']; }, severity: 'error', msg: `"iss" and "sub" are "${CLIENT}" but form field "client_id" is "x"` },
  { rule: 'FTN-CA-ISS-SUB', name: 'sub missing', base: b, mut: (t) => { delete P(t).sub; }, severity: 'error', msg: 'client assertion lacks "sub"; both must be the client_id' },
  { rule: 'FTN-CA-AUD', name: 'aud missing', base: b, mut: (t) => { delete P(t).aud; }, severity: 'error', msg: '"aud" claim is missing' },
  { rule: 'FTN-CA-AUD-VAL', name: 'telia: issuer instead of token endpoint', base: b, mut: (t) => { P(t).aud = 'https://tunnistus.telia.fi/uas'; }, severity: 'error', msg: '"aud" is "https://tunnistus.telia.fi/uas" but Telia Tunnistus expects its token endpoint "https://tunnistus.telia.fi/uas/oauth2/token"' },
  { rule: 'FTN-CA-AUD-VAL', name: 'telia without a request: documented endpoints', base: b, mut: (t, c) => { delete c.request; P(t).aud = 'https://tunnistus.telia.fi/uas'; }, severity: 'error', msg: 'expects its token endpoint ["https://tunnistus.telia.fi/uas/oauth2/token","https://tunnistus-pp.telia.fi/uas/oauth2/token"]' },
  { rule: 'FTN-CA-AUD-VAL', name: 'idura: token endpoint instead of issuer', base: idura, mut: (t) => { P(t).aud = `${IDURA_ISS}/oauth2/token`; }, severity: 'error', msg: '"aud" is "https://demo.idura.broker/oauth2/token" but Idura expects its issuer "https://demo.idura.broker"' },
  { rule: 'FTN-CA-AUD-VAL', name: 'unknown broker, nothing to compare', base: ftn, mut: (t, c) => { delete c.request; P(t).aud = 'https://broker.example/token'; }, severity: 'warning', msg: 'cannot be compared, the broker is unknown' },
  { rule: 'FTN-CA-AUD-VAL', name: 'unknown broker, other endpoint called', base: ftn, mut: (t) => { P(t).aud = 'https://broker.example/token'; }, severity: 'warning', msg: 'matches neither the broker issuer nor the token endpoint' },
  { rule: 'FTN-CA-AUD-MULTI', name: 'two audiences', base: b, mut: (t) => { P(t).aud = ['https://tunnistus.telia.fi/uas/oauth2/token', 'https://evil.example']; }, severity: 'warning', msg: '"aud" has 2 values' },
  { rule: 'FTN-CA-JTI', name: 'jti missing', base: b, mut: (t) => { delete P(t).jti; }, severity: 'error', msg: '"jti" claim is missing; brokers require a single-use jti' },
  { rule: 'FTN-CA-EXP', name: 'exp missing', base: b, mut: (t) => { delete P(t).exp; }, severity: 'error', msg: '"exp" claim is missing' },
  { rule: 'FTN-CA-EXP', name: 'exp a string', base: b, mut: (t) => { P(t).exp = 'later'; }, severity: 'error', msg: '"exp" is "later", not a number' },
  { rule: 'FTN-CA-EXP-PAST', name: 'expired at request time', base: b, mut: (t) => { P(t).exp = NOW - 61; }, severity: 'error', msg: '61 s before the request time: the assertion has expired (skew 60 s)' },
  { rule: 'FTN-CA-LIFE60', name: 'telia: 2 h (E)', base: b, mut: (t) => { P(t).exp = NOW + 7200; }, severity: 'error', msg: '"exp" is 7200 s after the request time; Telia rejects client assertions that live longer than 60 min' },
  { rule: 'FTN-CA-LIFE60', name: 'op: 2 h (W)', base: b, mut: (t, c) => { c.profile = 'op'; P(t).exp = NOW + 7200; }, severity: 'warning', msg: 'Telia rejects client assertions that live longer than 60 min' },
  { rule: 'FTN-CA-LIFE5', name: '15 min', base: b, mut: (t) => { P(t).exp = NOW + 900; }, severity: 'warning', msg: '"exp" is 900 s after "iat"; Idura recommends at most 5 min, 300 s (IDURA-PKJ)' },
  { rule: 'FTN-CA-LIFE5', name: 'op: 15 min without iat', base: b, mut: (t, c) => { c.profile = 'op'; delete P(t).iat; P(t).exp = NOW + 900; }, severity: 'warning', msg: '"exp" is 900 s after the request time; OP suggests 600 s (OP §8)' },
  { rule: 'FTN-CA-IAT', name: 'iat in the future', base: b, mut: (t) => { P(t).iat = NOW + 120; }, severity: 'warning', msg: '"iat" is 1700000120 (2023-11-14T22:15:20Z), 120 s after the request time: issued in the future (skew 60 s)' },
  { rule: 'FTN-CA-NBF', name: 'nbf in the future', base: b, mut: (t) => { P(t).nbf = NOW + 120; }, severity: 'error', msg: '120 s after the request time: not yet valid' },
  { rule: 'FTN-CA-KEY', name: 'RSA 1024', base: b, mut: (_t, c) => { c.verifyingKey = { ...sigKey, size: 1024 }; }, severity: 'error', msg: 'verifying key "sig-1" is RSA 1024 bits; at least 2048 are required' },
  { rule: 'FTN-CA-KEY', name: 'enc key (idura: E)', base: idura, mut: (_t, c) => { c.verifyingKey = { ...sigKey, use: 'enc' }; }, severity: 'error', msg: 'verifying key "sig-1" has "use": "enc"' },
  { rule: 'FTN-CA-KEY', name: 'enc key (telia: W)', base: b, mut: (_t, c) => { c.verifyingKey = { ...sigKey, use: 'enc' }; }, severity: 'warning', msg: 'verifying key "sig-1" has "use": "enc"' },
  { rule: 'FTN-CA-KEY', name: 'EC key', base: b, mut: (_t, c) => { c.verifyingKey = { ...sigKey, kty: 'EC', crv: 'P-256', size: 256 }; }, severity: 'warning', msg: 'verifying key "sig-1" is EC; brokers document RSA keys' },
];
