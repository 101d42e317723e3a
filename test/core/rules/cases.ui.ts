/** Failing cases of the FTN-UI-* rules (base: a clean Idura userinfo response). */
import type { Case } from './fixtures';
import { CLIENT, cleanUserinfo, report } from './fixtures';

const b = cleanUserinfo;
const H = (t: { header: Record<string, unknown> | null }) => t.header!;
const P = (t: { payload: Record<string, unknown> | null }) => t.payload!;
const asJws = (t: Parameters<Case['mut']>[0]) => { Object.assign(t, report({ header: { alg: 'RS256', kid: 'broker-sig-1' }, payload: P(t) })); };

export const UI_CASES: Case[] = [
  { rule: 'FTN-UI-JWE', name: 'signed only, with PII (idura: E)', base: b, mut: asJws, severity: 'error', msg: 'userinfo response is a signed JWS, not an encrypted JWE, and carries a HETU and name claims "given_name" in clear text; FTN brokers encrypt userinfo' },
  { rule: 'FTN-UI-JWE', name: 'signed only (op: W)', base: b, mut: (t, c) => { c.profile = 'op'; asJws(t); }, severity: 'warning', msg: 'OP documents plain responses (OP §10), other FTN brokers encrypt them' },
  { rule: 'FTN-UI-CT', name: 'application/json', base: b, mut: (_t, c) => { c.request!.responseContentType = 'application/json'; }, severity: 'error', msg: 'userinfo "Content-Type" is "application/json"; a signed or encrypted response must be "application/jwt"' },
  { rule: 'FTN-UI-NESTED', name: 'no cty', base: b, mut: (t) => { delete H(t).cty; }, severity: 'error', msg: 'userinfo JWE "cty" is missing; a nested JWT must carry "cty": "JWT"' },
  { rule: 'FTN-UI-NESTED', name: 'encrypted, not signed', base: b, mut: (t) => { t.nested = null; }, severity: 'error', msg: 'decrypted userinfo is not a JWS: it must be signed, then encrypted' },
  { rule: 'FTN-UI-ISSAUD', name: 'other issuer', base: b, mut: (t) => { P(t).iss = 'https://other.idura.broker'; }, severity: 'error', msg: '"iss" is "https://other.idura.broker" but the broker issuer is "https://demo.idura.broker"' },
  { rule: 'FTN-UI-ISSAUD', name: 'other audience', base: b, mut: (t) => { P(t).aud = 'x'; }, severity: 'error', msg: `"aud" is "x" and does not contain the client_id "${CLIENT}"` },
  { rule: 'FTN-UI-ISSAUD', name: 'no aud', base: b, mut: (t) => { delete P(t).aud; }, severity: 'error', msg: 'signed userinfo lacks "aud"' },
  { rule: 'FTN-UI-SUB', name: 'no sub', base: b, mut: (t) => { delete P(t).sub; }, severity: 'error', msg: 'userinfo lacks "sub"' },
  { rule: 'FTN-UI-ALG', name: 'RSA1_5', base: b, mut: (t) => { H(t).alg = 'RSA1_5'; }, severity: 'warning', msg: 'userinfo "alg" is "RSA1_5"' },
  { rule: 'FTN-UI-ALG', name: 'unregistered enc', base: b, mut: (t) => { H(t).enc = 'XC20P'; }, severity: 'error', msg: 'userinfo "enc" is "XC20P": not a registered JWE content encryption algorithm' },
  { rule: 'FTN-UI-ALG', name: 'zip', base: b, mut: (t) => { H(t).zip = 'DEF'; }, severity: 'warning', msg: 'userinfo JWE has "zip" "DEF"' },
];
