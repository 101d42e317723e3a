/**
 * Clean FTN token sets for the rule tests: plain TokenReport objects (no crypto needed; signature and
 * decryption statuses are fields). Every baseline must produce zero errors and zero warnings.
 */
import type { Finding, TokenKind, TokenReport } from '../../../src/core/types';
import type { RuleContext, RequestContext } from '../../../src/core/rules/context';
import type { KeyDescription } from '../../../src/core/keys/key.types';
import { encodeBase64url } from '../../../src/core/util/base64url';

export const NOW = 1_700_000_000;
export const CLIENT = 'demo-client';
export const NONCE = 'n-0S6_WzA2Mj4hkzXc7uQb1'; // 23 chars

/** A TokenReport with the given layers. */
export function report(p: {
  format?: 'JWS' | 'JWE'; header: Record<string, unknown> | null; payload?: Record<string, unknown> | null;
  nestedHeader?: Record<string, unknown> | null; decrypted?: boolean; kind?: TokenKind;
}): TokenReport {
  const format = p.format ?? 'JWS';
  const payload = p.payload ?? null;
  const nested: TokenReport | null = p.nestedHeader
    ? { ...base('JWS', p.nestedHeader, payload), signature: { status: 'valid', kid: String(p.nestedHeader.kid) } }
    : null;
  const t = base(format, p.header, format === 'JWE' && p.decrypted === false ? null : payload);
  if (format === 'JWE') {
    t.decryption = p.decrypted === false ? { status: 'no-key' } : { status: 'decrypted', kid: 'enc-1' };
    t.nested = p.decrypted === false ? null : nested;
    t.signature = t.nested ? { status: 'valid' } : null;
  } else t.signature = { status: 'valid' };
  if (p.kind) t.kind = p.kind;
  return t;
}

function base(format: 'JWS' | 'JWE', header: Record<string, unknown> | null, payload: Record<string, unknown> | null): TokenReport {
  return {
    location: { line: 1, column: 1, offset: 0, length: 10 }, format, serialization: 'compact', kind: 'unknown', raw: 'x',
    header, payload, payloadText: payload ? JSON.stringify(payload) : null, decryption: null, signature: null, nested: null, findings: [],
  };
}

/** A rule context with defaults. */
export function ctxOf(kind: TokenKind, profile: RuleContext['profile'], extra: Partial<RuleContext> = {}): RuleContext {
  return { kind, profile, now: NOW, skew: 60, disabledRules: new Set(), clientId: CLIENT, ...extra };
}

export const sigKey: KeyDescription = { kty: 'RSA', size: 2048, use: 'sig', alg: 'RS256', kid: 'sig-1', thumbprint: 't1', private: false, source: 'JWKS' };

/** A clean Telia client assertion and its token request. */
export function cleanAssertion(): { token: TokenReport; ctx: RuleContext } {
  const token = report({
    header: { alg: 'RS256', kid: 'sig-1', typ: 'client-authentication+jwt' },
    payload: { iss: CLIENT, sub: CLIENT, aud: 'https://tunnistus.telia.fi/uas/oauth2/token', jti: 'jti-1', iat: NOW, exp: NOW + 120 },
  });
  const request: RequestContext = {
    method: 'POST', url: 'https://tunnistus.telia.fi/uas/oauth2/token', time: NOW,
    form: { grant_type: ['authorization_code'], code: ['c'], client_assertion_type: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'], client_assertion: ['x'] },
  };
  return { token, ctx: ctxOf('client_assertion', 'telia', { request, verifyingKey: sigKey }) };
}

/** A clean Telia request object. */
export function cleanRequestObject(): { token: TokenReport; ctx: RuleContext } {
  const token = report({
    header: { alg: 'RS256', kid: 'sig-1', typ: 'oauth-authz-req+jwt' },
    payload: {
      iss: CLIENT, aud: 'https://tunnistus.telia.fi/uas', client_id: CLIENT, response_type: 'code', redirect_uri: 'https://rp.example/cb',
      scope: 'openid', acr_values: 'http://ftn.ficora.fi/2017/loa2', state: 'st-1', nonce: NONCE, jti: 'ro-1', iat: NOW, nbf: NOW, exp: NOW + 300,
    },
  });
  return { token, ctx: ctxOf('request_object', 'telia', { request: { method: 'GET', url: 'https://tunnistus.telia.fi/uas/oauth2/authorization?request=x', query: { request: ['x'] }, time: NOW } }) };
}

export const TELIA_ISS = 'https://tunnistus.telia.fi/uas';

/** A clean Telia ID token: JWE (RSA-OAEP, A128CBC-HS256, cty JWT, kid) around an RS256 JWS. */
export function cleanIdToken(): { token: TokenReport; ctx: RuleContext } {
  const token = report({
    format: 'JWE', header: { alg: 'RSA-OAEP', enc: 'A128CBC-HS256', cty: 'JWT', kid: 'enc-1' },
    nestedHeader: { alg: 'RS256', kid: 'broker-sig-1', typ: 'JWT' },
    payload: { iss: TELIA_ISS, sub: 'sub-123', aud: CLIENT, exp: NOW + 600, iat: NOW, nonce: NONCE, auth_time: NOW - 10, acr: 'http://ftn.ficora.fi/2017/loa2', 'urn:oid:1.2.246.21': '131052-308T' },
  });
  return { token, ctx: ctxOf('id_token', 'telia', { issuer: TELIA_ISS, request: { expectedNonce: NONCE, maxAgeSent: true, time: NOW } }) };
}

export const IDURA_ISS = 'https://demo.idura.broker';

/** A clean Idura userinfo response: JWE around a signed JWS, served as application/jwt. */
export function cleanUserinfo(): { token: TokenReport; ctx: RuleContext } {
  const token = report({
    format: 'JWE', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: 'enc-1' },
    nestedHeader: { alg: 'RS256', kid: 'broker-sig-1' },
    payload: { iss: IDURA_ISS, aud: CLIENT, sub: 'sub-123', hetu: '131052-308T', given_name: 'Matti' },
  });
  return { token, ctx: ctxOf('userinfo', 'idura', { issuer: IDURA_ISS, request: { url: `${IDURA_ISS}/oauth2/userinfo`, responseContentType: 'application/jwt; charset=utf-8', responseStatus: 200, time: NOW } }) };
}

/** base64url modulus of `bits` bits (top bit set), distinct per `fill`. */
export function modulus(bits: number, fill = 1): string {
  const bytes = new Uint8Array(Math.ceil(bits / 8)).fill(fill);
  bytes[0] = 0x80 | fill;
  return encodeBase64url(bytes);
}

/** A clean client JWKS: separate RSA 2048 sig and enc keys with use and kid. */
export function cleanJwks(): { keys: Record<string, unknown>[] } {
  return { keys: [
    { kty: 'RSA', use: 'sig', kid: 'sig-1', alg: 'RS256', n: modulus(2048, 1), e: 'AQAB' },
    { kty: 'RSA', use: 'enc', kid: 'enc-1', alg: 'RSA-OAEP', n: modulus(2048, 2), e: 'AQAB' },
  ] };
}

/** Findings that are errors or warnings. */
export function loud(fs: Finding[]): Finding[] {
  return fs.filter((f) => f.severity !== 'info');
}

/** The findings of one rule, as `severity: message` lines. */
export function of(fs: Finding[], rule: string): string[] {
  return fs.filter((f) => f.rule === rule).map((f) => `${f.severity}: ${f.message}`);
}

/** One failing case: mutate a clean baseline, expect a finding of `rule` with `severity` and `msg` in its message. */
export interface Case {
  rule: string;
  name: string;
  base: () => { token: TokenReport; ctx: RuleContext };
  mut: (t: TokenReport, c: RuleContext) => void;
  severity: Finding['severity'];
  msg: string;
}
