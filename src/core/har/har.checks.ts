/**
 * Cross-token checks of a rebuilt flow (and of the whole trace): nonce and state round-trips, PKCE,
 * at_hash / c_hash, userinfo sub, client_secret, client_assertion aud against the endpoint actually
 * called, request object claims against the query beside it, jti reuse. Each result is a Finding.
 */
import type { Finding, TokenReport } from '../types';
import { claims, flowFinding, q } from './har.finding';
import type { FlowState } from './har.flow';
import { halfHash, s256 } from './har.hash';
import { checkAssertionAud, checkQueryVsRequestObject, checkRequestPresent, checkSecrets } from './har.checks.request';

export { checkJtiReuse } from './har.checks.request';
export { flowFinding } from './har.finding';
export { halfHash, s256 } from './har.hash';

/** The signature alg of the innermost JWS (the nested one for a JWE). */
function innerAlg(t: TokenReport): string | undefined {
  const h = t.nested?.header ?? (t.format === 'JWS' ? t.header : null);
  return typeof h?.alg === 'string' ? h.alg : undefined;
}

function checkState(f: FlowState, out: Finding[]): void {
  const cb = f.callback;
  if (!cb || f.sentState === undefined) return;
  if (cb.state === undefined) {
    out.push(flowFinding('FTN-FLOW-STATE', 'error', `the callback (entry ${cb.entry}) has no "state" but the authorization request sent ${q(f.sentState)}`, 'state', 'missing'));
  } else if (cb.state !== f.sentState) {
    out.push(flowFinding('FTN-FLOW-STATE', 'error', `"state" returned to the callback (entry ${cb.entry}) is ${q(cb.state)} but the authorization request sent ${q(f.sentState)}`, 'state', 'mismatch'));
  }
}

function checkError(f: FlowState, out: Finding[]): void {
  const cb = f.callback;
  if (!cb?.error) return;
  const desc = cb.errorDescription ? ` (${q(cb.errorDescription)})` : '';
  out.push(flowFinding('FTN-FLOW-ERROR', 'warning', `the authorization callback (entry ${cb.entry}) returned error ${q(cb.error)}${desc}`, 'error', 'info'));
}

function checkNonce(f: FlowState, out: Finding[]): void {
  if (f.nonce === undefined) return;
  for (const t of f.idTokens) {
    const c = claims(t);
    if (!c) continue;
    const entry = t.location.har?.entry;
    if (c.nonce === undefined) out.push(flowFinding('FTN-IDT-NONCE', 'error', `the ID token (entry ${entry}) has no "nonce" claim but the authorization request sent ${q(f.nonce)}`, 'nonce', 'missing'));
    else if (c.nonce !== f.nonce) out.push(flowFinding('FTN-IDT-NONCE', 'error', `ID token "nonce" is ${q(c.nonce)} but the authorization request sent ${q(f.nonce)}`, 'nonce', 'mismatch'));
  }
}

async function checkPkce(f: FlowState, out: Finding[]): Promise<void> {
  const verifier = f.token?.form['code_verifier']?.[0];
  if (f.codeChallenge === undefined) {
    if (verifier !== undefined) out.push(flowFinding('FTN-FLOW-PKCE', 'warning', 'the token request sends "code_verifier" but the authorization request sent no "code_challenge"', 'code_verifier', 'mismatch'));
    return;
  }
  const method = f.codeChallengeMethod ?? 'plain';
  if (method !== 'S256') {
    const why = f.codeChallengeMethod === undefined ? 'is absent (defaults to "plain")' : `is ${q(method)}`;
    out.push(flowFinding('FTN-FLOW-PKCE-PLAIN', 'warning', `"code_challenge_method" ${why}: use "S256"`, 'code_challenge_method', 'invalid'));
  }
  if (!f.token) return;
  if (verifier === undefined) {
    out.push(flowFinding('FTN-FLOW-PKCE', 'error', `the token request (entry ${f.token.entry}) has no "code_verifier" but the authorization request sent "code_challenge"`, 'code_verifier', 'missing'));
    return;
  }
  const expected = method === 'S256' ? await s256(verifier) : verifier;
  if (expected !== f.codeChallenge) {
    const how = method === 'S256' ? 'S256(code_verifier) is' : '"code_verifier" is';
    out.push(flowFinding('FTN-FLOW-PKCE', 'error', `${how} ${q(expected)} but "code_challenge" is ${q(f.codeChallenge)}`, 'code_verifier', 'mismatch'));
  }
}

async function checkHashes(f: FlowState, out: Finding[]): Promise<void> {
  const code = f.token?.form['code']?.[0] ?? f.callback?.code ?? f.redirectCode;
  for (const t of f.idTokens) {
    const c = claims(t), alg = innerAlg(t);
    if (!c || !alg) continue;
    const pairs: [string, string, string | undefined, string][] = [
      ['at_hash', 'FTN-FLOW-ATHASH', f.accessToken, 'access_token'], ['c_hash', 'FTN-FLOW-CHASH', code, 'code'],
    ];
    for (const [claim, rule, value, what] of pairs) {
      if (typeof c[claim] !== 'string' || value === undefined) continue;
      const h = await halfHash(value, alg);
      if (h !== undefined && h !== c[claim]) {
        out.push(flowFinding(rule, 'error', `ID token "${claim}" is ${q(c[claim])} but the ${what} hashes to ${q(h)} (${alg})`, claim, 'mismatch'));
      }
    }
  }
}

function checkUserinfoSub(f: FlowState, out: Finding[]): void {
  const idSub = f.idTokens.map(claims).find((c) => c && c.sub !== undefined)?.sub;
  if (idSub === undefined) return;
  const subs = [
    ...f.userinfos.filter((u) => claims(u)).map((u) => ({ entry: u.location.har?.entry, sub: claims(u)!.sub })),
    ...f.plainUserinfo,
  ];
  for (const { entry, sub } of subs) {
    if (sub === undefined) out.push(flowFinding('FTN-UI-SUB', 'error', `the userinfo response (entry ${entry}) has no "sub" claim`, 'sub', 'missing'));
    else if (sub !== idSub) out.push(flowFinding('FTN-UI-SUB', 'error', `userinfo "sub" is ${q(sub)} but the ID token "sub" is ${q(idSub)}`, 'sub', 'mismatch'));
  }
}

function checkComplete(f: FlowState, out: Finding[]): void {
  if (f.callback?.error) return;
  const missing = [!f.callback && !f.redirectCode ? 'callback' : '', !f.token ? 'token request' : ''].filter(Boolean);
  if (missing.length) out.push(flowFinding('FTN-FLOW-INCOMPLETE', 'info', `the flow has no ${missing.join(' and no ')} in this trace`, undefined, 'missing'));
}

/** Runs every cross-token check on one flow. */
export async function checkFlow(f: FlowState, opts: { profile: string; issuer?: string }): Promise<Finding[]> {
  const out: Finding[] = [];
  checkRequestPresent(f, out, opts.profile);
  checkQueryVsRequestObject(f, out);
  checkState(f, out);
  checkError(f, out);
  await checkPkce(f, out);
  checkSecrets(f, out);
  checkAssertionAud(f, out, opts.issuer);
  checkNonce(f, out);
  await checkHashes(f, out);
  checkUserinfoSub(f, out);
  checkComplete(f, out);
  return out;
}

