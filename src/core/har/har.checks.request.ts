/**
 * Cross-token checks of the request side: request object present and agreeing with the query beside
 * it, no client_secret, client_assertion aud = the endpoint actually called, jti single use per trace.
 */
import type { Finding, TokenReport } from '../types';
import { claims, flowFinding, q } from './har.finding';
import type { FlowState } from './har.flow';

/** FTN-CA-NOSECRET (token request form or Basic auth) and FTN-FLOW-SECRET (anywhere else in the flow). */
export function checkSecrets(f: FlowState, out: Finding[]): void {
  if (f.token?.form['client_secret'] !== undefined) {
    out.push(flowFinding('FTN-CA-NOSECRET', 'error', `the token request (entry ${f.token.entry}) sends "client_secret" (form field): FTN clients authenticate with private_key_jwt`, 'client_secret', 'invalid'));
  } else if (f.token?.basicAuth) {
    out.push(flowFinding('FTN-CA-NOSECRET', 'error', `the token request (entry ${f.token.entry}) sends a client secret in "Authorization: Basic": FTN clients authenticate with private_key_jwt`, 'client_secret', 'invalid'));
  }
  for (const place of f.secretPlaces) {
    out.push(flowFinding('FTN-FLOW-SECRET', 'error', `"client_secret" is sent in the ${place}: a client secret must never leave the client`, 'client_secret', 'invalid'));
  }
}

/** FTN-CA-AUD-VAL: the assertion aud is the token endpoint called, its origin or the issuer. */
export function checkAssertionAud(f: FlowState, out: Finding[], issuer?: string): void {
  if (!f.token) return;
  const endpoint = f.token.endpoint;
  const origin = /^[a-z]+:\/\/[^/?#]+/i.exec(endpoint)?.[0];
  const iss = issuer ?? f.idTokens.map(claims).find((c) => typeof c?.iss === 'string')?.iss as string | undefined;
  const accepted = new Set([endpoint, origin, iss].filter((x): x is string => !!x).map((x) => x.replace(/\/$/, '')));
  for (const t of f.clientAssertions) {
    const aud = claims(t)?.aud;
    if (aud === undefined) continue;
    const values = Array.isArray(aud) ? aud : [aud];
    if (values.some((a) => typeof a === 'string' && accepted.has(a.replace(/\/$/, '')))) continue;
    const issText = iss ? ` (issuer ${q(iss)})` : '';
    out.push(flowFinding('FTN-CA-AUD-VAL', 'error', `client_assertion "aud" is ${q(aud)} but the token request went to ${q(endpoint)}${issText}`, 'aud', 'mismatch'));
  }
}

const NOT_CLAIMS = new Set(['request', 'request_uri']);

/** FTN-RO-QUERY: query (or PAR form) parameters equal the request object claims of the same name. */
export function checkQueryVsRequestObject(f: FlowState, out: Finding[]): void {
  const c = claims(f.requestObject);
  if (!c || !f.authorizeParams) return;
  for (const [name, values] of Object.entries(f.authorizeParams)) {
    if (NOT_CLAIMS.has(name) || c[name] === undefined) continue;
    const claim = typeof c[name] === 'string' ? c[name] : JSON.stringify(c[name]);
    if (values[0] !== claim) {
      out.push(flowFinding('FTN-RO-QUERY', 'error', `query parameter "${name}" is ${q(values[0])} but the request object says ${q(claim)}`, name, 'mismatch'));
    }
  }
}

/** FTN-RO-PRESENT: the authorization request carries request or request_uri (not for the generic profile). */
export function checkRequestPresent(f: FlowState, out: Finding[], profile: string): void {
  if (f.authorizeEntry === undefined || profile === 'generic' || !f.authorizeParams) return;
  if (f.authorizeParams['request'] === undefined && f.authorizeParams['request_uri'] === undefined) {
    out.push(flowFinding('FTN-RO-PRESENT', 'error', `the authorization request (entry ${f.authorizeEntry}) carries neither "request" nor "request_uri": FTN requires a signed request object`, 'request', 'missing'));
  }
}

/** Trace-wide jti reuse: client assertions (FTN-CA-JTI-REUSE) and request objects (FTN-RO-JTI). */
export function checkJtiReuse(tokens: TokenReport[]): { finding: Finding; tokens: number[] }[] {
  const out: { finding: Finding; tokens: number[] }[] = [];
  for (const [kind, rule, label] of [['client_assertion', 'FTN-CA-JTI-REUSE', 'client assertions'], ['request_object', 'FTN-RO-JTI', 'request objects']] as const) {
    const byJti = new Map<string, number[]>();
    tokens.forEach((t, i) => {
      // A token in a Location header is the same message as the request that follows it, not a reuse.
      const redirected = t.location.har?.part === 'response' && ['query', 'fragment'].includes(t.location.har.field);
      const jti = t.kind === kind && !redirected ? claims(t)?.jti : undefined;
      if (typeof jti === 'string') byJti.set(jti, [...(byJti.get(jti) ?? []), i]);
    });
    for (const [jti, idx] of byJti) {
      if (idx.length < 2) continue;
      const entries = idx.map((i) => tokens[i].location.har?.entry).join(', ');
      out.push({ tokens: idx, finding: flowFinding(rule, 'error', `"jti" ${q(jti)} is used by ${idx.length} ${label} (entries ${entries}): a jti must be single use`, 'jti', 'reused') });
    }
  }
  return out;
}
