/** Failing cases of the FTN-IDT-* rules (base: a clean Telia ID token). */
import type { Case } from './fixtures';
import { NOW, CLIENT, cleanIdToken, report } from './fixtures';

const b = cleanIdToken;
const H = (t: { header: Record<string, unknown> | null }) => t.header!;
const P = (t: { payload: Record<string, unknown> | null }) => t.payload!;

export const IDT_CASES: Case[] = [
  { rule: 'FTN-IDT-JWE', name: 'JWS id_token with HETU and name', base: b, mut: (t) => { Object.assign(t, report({ header: { alg: 'RS256', kid: 'k1' }, payload: { ...P(t), name: 'Matti Meikäläinen' } })); }, severity: 'error', msg: 'id_token is a signed JWS, not an encrypted JWE, and carries a HETU and name claims "name" in clear text' },
  { rule: 'FTN-IDT-JWE', name: 'JWS id_token without PII', base: b, mut: (t) => { const p = { ...P(t) }; delete p['urn:oid:1.2.246.21']; Object.assign(t, report({ header: { alg: 'RS256', kid: 'k1' }, payload: p })); }, severity: 'error', msg: 'id_token is a signed JWS, not an encrypted JWE; FTN brokers encrypt ID tokens' },
  { rule: 'FTN-IDT-ALG', name: 'RSA1_5', base: b, mut: (t) => { H(t).alg = 'RSA1_5'; }, severity: 'warning', msg: 'id_token "alg" is "RSA1_5": PKCS#1 v1.5 key transport is discouraged' },
  { rule: 'FTN-IDT-ALG', name: 'dir', base: b, mut: (t) => { H(t).alg = 'dir'; }, severity: 'warning', msg: 'id_token "alg" is "dir": not documented for FTN, whose brokers use RSA-OAEP or RSA-OAEP-256 (best practice, not a quoted requirement)' },
  { rule: 'FTN-IDT-ENC', name: 'unregistered enc', base: b, mut: (t) => { H(t).enc = 'A128CTR'; }, severity: 'error', msg: 'id_token "enc" is "A128CTR": not a registered JWE content encryption algorithm' },
  { rule: 'FTN-IDT-ENC', name: 'registered, not observed', base: b, mut: (t) => { H(t).enc = 'A256CBC-HS512'; }, severity: 'info', msg: 'id_token "enc" is "A256CBC-HS512": registered, but FTN brokers are observed to use' },
  { rule: 'FTN-IDT-JWEKID', name: 'no JWE kid', base: b, mut: (t) => { delete H(t).kid; }, severity: 'warning', msg: 'JWE header has no "kid"' },
  { rule: 'FTN-IDT-CTY', name: 'no cty', base: b, mut: (t) => { delete H(t).cty; }, severity: 'error', msg: 'JWE header has no "cty"; a nested JWT must carry "cty": "JWT"' },
  { rule: 'FTN-IDT-ZIP', name: 'zip', base: b, mut: (t) => { H(t).zip = 'DEF'; }, severity: 'warning', msg: 'id_token JWE has "zip" "DEF"' },
  { rule: 'FTN-IDT-NESTED', name: 'claims directly inside the JWE', base: b, mut: (t) => { t.nested = null; }, severity: 'error', msg: 'decrypted id_token is not a JWS: it must be signed, then encrypted' },
  { rule: 'FTN-IDT-SIG', name: 'HS256 inner', base: b, mut: (t) => { t.nested!.header!.alg = 'HS256'; }, severity: 'error', msg: 'id_token signature "alg" is "HS256"' },
  { rule: 'FTN-IDT-SIG', name: 'ES256 inner', base: b, mut: (t) => { t.nested!.header!.alg = 'ES256'; }, severity: 'info', msg: 'id_token signature "alg" is "ES256"; FTN brokers sign with "RS256"' },
  { rule: 'FTN-IDT-KID', name: 'inner without kid', base: b, mut: (t) => { delete t.nested!.header!.kid; }, severity: 'warning', msg: 'id_token JWS header has no "kid"' },
  { rule: 'FTN-IDT-CLAIMS', name: 'no iat, no sub', base: b, mut: (t) => { delete P(t).iat; delete P(t).sub; }, severity: 'error', msg: 'id_token lacks "sub", "iat"' },
  { rule: 'FTN-IDT-ISS', name: 'other issuer', base: b, mut: (t) => { P(t).iss = 'https://tunnistus-pp.telia.fi/uas'; }, severity: 'error', msg: '"iss" is "https://tunnistus-pp.telia.fi/uas" but the broker issuer is "https://tunnistus.telia.fi/uas"' },
  { rule: 'FTN-IDT-AUD', name: 'other client', base: b, mut: (t) => { P(t).aud = 'other-client'; }, severity: 'error', msg: `"aud" is "other-client" and does not contain the client_id "${CLIENT}"` },
  { rule: 'FTN-IDT-AUD', name: 'extra audience', base: b, mut: (t) => { P(t).aud = [CLIENT, 'api']; }, severity: 'warning', msg: '"aud" has 2 audiences ["demo-client","api"]' },
  { rule: 'FTN-IDT-EXP', name: 'expired', base: b, mut: (t) => { P(t).exp = NOW - 61; }, severity: 'error', msg: '61 s before the reference time: the id_token has expired (skew 60 s)' },
  { rule: 'FTN-IDT-EXP', name: 'lives 2 h', base: b, mut: (t) => { P(t).exp = NOW + 7200; }, severity: 'warning', msg: '"exp" is 7200 s after "iat": longer than 1 h; Telia and OP issue ID tokens for 600 s' },
  { rule: 'FTN-IDT-IAT', name: 'issued in the future', base: b, mut: (t) => { P(t).iat = NOW + 120; }, severity: 'warning', msg: '120 s after the reference time: issued in the future' },
  { rule: 'FTN-IDT-IAT', name: 'issued an hour ago', base: b, mut: (t) => { P(t).iat = NOW - 3600; P(t).exp = NOW + 60; }, severity: 'warning', msg: '3600 s before the reference time: issued more than 10 min ago' },
  { rule: 'FTN-IDT-NONCE', name: 'nonce mismatch', base: b, mut: (t) => { P(t).nonce = 'other'; }, severity: 'error', msg: '"nonce" is "other" but the authorization request sent "n-0S6_WzA2Mj4hkzXc7uQb1"' },
  { rule: 'FTN-IDT-NONCE', name: 'nonce missing', base: b, mut: (t) => { delete P(t).nonce; }, severity: 'error', msg: '"nonce" is missing but the authorization request sent' },
  { rule: 'FTN-IDT-ACR', name: 'not an FTN LoA', base: b, mut: (t) => { P(t).acr = 'urn:grn:authn:fi:bank-id'; }, severity: 'warning', msg: '"acr" is "urn:grn:authn:fi:bank-id", not an FTN LoA URI' },
  { rule: 'FTN-IDT-ACR', name: 'test level on production (OP)', base: b, mut: (t, c) => { c.profile = 'op'; c.issuer = 'https://isb.op.fi'; P(t).iss = 'https://isb.op.fi'; P(t).acr = 'http://ftn.ficora.fi/2017/loatest2'; }, severity: 'warning', msg: '"acr" is "http://ftn.ficora.fi/2017/loatest2", a test level, but the issuer "https://isb.op.fi" is a production broker' },
  { rule: 'FTN-IDT-AUTHTIME', name: 'max_age sent, no auth_time', base: b, mut: (t) => { delete P(t).auth_time; }, severity: 'error', msg: '"auth_time" is missing but the authorization request sent "max_age"' },
  { rule: 'FTN-IDT-SUB', name: 'sub of 300 characters', base: b, mut: (t) => { P(t).sub = 'x'.repeat(300); }, severity: 'warning', msg: '"sub" is 300 characters long; OIDC limits it to 255 ASCII characters' },
];
