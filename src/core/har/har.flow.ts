/**
 * Rebuilding OIDC flows from HAR entries: (PAR →) authorize → callback (code/state, error, form_post)
 * → token → userinfo, correlated by request_uri, state, code, access token, redirect_uri and host.
 * Built one entry at a time (assign before the entry's tokens are inspected, record after).
 */
import type { FlowStep, TokenReport } from '../types';
import type { EntryView, Params } from './har.types';

/** Everything known about one flow; the cross-token checks read this. */
export interface FlowState {
  id: number;
  brokerHost?: string;
  clientHost?: string;
  browserOrigin?: string;
  clientId?: string;
  redirectUri?: string;
  requestUri?: string;
  /** Query (or PAR form) parameters of the authorization request. */
  authorizeParams?: Params;
  authorizeEntry?: number;
  requestObject?: TokenReport;
  sentState?: string;
  nonce?: string;
  maxAgeSent?: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  callback?: { entry: number; state?: string; code?: string; error?: string; errorDescription?: string };
  /** code/state seen in a redirect (Location header) before the callback request itself. */
  redirectCode?: string;
  token?: { entry: number; endpoint: string; form: Params; basicAuth: boolean };
  clientAssertions: TokenReport[];
  idTokens: TokenReport[];
  accessToken?: string;
  userinfos: TokenReport[];
  /** `sub` of plain-JSON userinfo responses (OP documents plain JSON): entry and value. */
  plainUserinfo: { entry: number; sub: unknown }[];
  /** Other places a client_secret was seen (PAR form, authorize query …). */
  secretPlaces: string[];
  steps: FlowStep[];
  firstMs?: number;
}

const one = (p: Params | undefined, name: string) => p?.[name]?.[0];

/** The OIDC step an entry is, judged from its URL, method and parameters alone. */
export function stepOf(v: EntryView): FlowStep['step'] | undefined {
  const has = (n: string) => v.query[n] !== undefined || v.form[n] !== undefined;
  if (v.form['grant_type']) return 'token';
  if (has('logout_token') || /\/(logout|end_?session|endsession)\/?$/i.test(v.path)) return 'logout';
  if (v.method === 'POST' && (/\/par\/?$/i.test(v.path) || typeof (v.responseJson as { request_uri?: unknown })?.request_uri === 'string')) return 'par';
  if (has('response_type') || has('request') || has('request_uri')) return 'authorize';
  if ((has('code') || has('error') || has('id_token')) && (has('state') || has('code'))) return 'callback';
  if (/\/userinfo\/?$/i.test(v.path)) return 'userinfo';
  return undefined;
}

/** Groups entries into flows, entry by entry. */
export class FlowBuilder {
  readonly flows: FlowState[] = [];

  private newFlow(v: EntryView): FlowState {
    const f: FlowState = { id: this.flows.length, clientAssertions: [], idTokens: [], userinfos: [], plainUserinfo: [], secretPlaces: [], steps: [] };
    this.flows.push(f);
    f.brokerHost = v.host;
    return f;
  }

  private latest(pred: (f: FlowState) => boolean): FlowState | undefined {
    for (let i = this.flows.length - 1; i >= 0; i--) if (pred(this.flows[i])) return this.flows[i];
    return undefined;
  }

  /** Finds or starts the flow of an entry (before its tokens are inspected). */
  assign(v: EntryView, step: FlowStep['step'] | undefined): FlowState | undefined {
    const p = { ...v.query, ...v.form };
    if (step === 'par') return this.newFlow(v);
    if (step === 'authorize') {
      const uri = one(p, 'request_uri');
      return (uri && this.latest((f) => f.requestUri === uri && f.authorizeEntry === undefined)) || this.newFlow(v);
    }
    if (step === 'callback') {
      const state = one(p, 'state'), code = one(p, 'code');
      return (state !== undefined && this.latest((f) => f.sentState === state && !f.callback))
        || (code !== undefined && this.latest((f) => f.redirectCode === code && !f.callback))
        || this.latest((f) => !f.callback && f.redirectUri !== undefined && f.redirectUri.split('?')[0] === v.endpoint)
        || (state !== undefined ? this.latest((f) => !f.callback && f.authorizeEntry !== undefined) : undefined);
    }
    if (step === 'token') {
      const code = one(v.form, 'code');
      return (code !== undefined && this.latest((f) => !f.token && (f.callback?.code === code || f.redirectCode === code)))
        || this.latest((f) => !f.token && f.brokerHost === v.host && f.callback !== undefined)
        || this.latest((f) => !f.token && f.brokerHost === v.host)
        || this.newFlow(v); // a backend-only capture: the token request starts the flow
    }
    const bearer = /^bearer\s+(\S+)$/i.exec(v.headers['authorization']?.[0]?.trim() ?? '')?.[1];
    if (bearer) {
      const byToken = this.latest((f) => f.accessToken === bearer);
      if (byToken || step !== 'userinfo') return byToken;
    }
    if (step === 'userinfo') return this.latest((f) => f.token !== undefined && f.brokerHost === v.host);
    if (step === 'logout') return this.latest((f) => f.brokerHost === v.host || f.clientHost === v.host);
    return undefined;
  }

  /** Records the request-side facts of an entry on its flow and adds the step. */
  record(f: FlowState, v: EntryView, step: FlowStep['step'], tokens: number[]): void {
    const ms = Date.parse(v.startedDateTime);
    f.firstMs ??= Number.isNaN(ms) ? undefined : ms;
    f.steps.push({
      entry: v.index, step, method: v.method, url: v.url, status: v.status, startedDateTime: v.startedDateTime,
      offsetMs: f.firstMs === undefined || Number.isNaN(ms) ? 0 : ms - f.firstMs, tokens,
    });
    const p = { ...v.query, ...v.form };
    if (one(p, 'client_secret') !== undefined && step !== 'token') f.secretPlaces.push(`${step} request (entry ${v.index})`);
    if (step === 'par' || (step === 'authorize' && f.authorizeEntry === undefined)) this.recordAuthorize(f, v, p, step);
    if (step === 'par') f.requestUri = (v.responseJson as { request_uri?: string } | undefined)?.request_uri;
    if (v.redirect) {
      const code = one(v.redirect.query, 'code') ?? one(v.redirect.fragment, 'code');
      if (code !== undefined && step !== 'callback') f.redirectCode = code;
    }
    if (step === 'callback' && !f.callback) {
      f.callback = { entry: v.index, state: one(p, 'state'), code: one(p, 'code'), error: one(p, 'error'), errorDescription: one(p, 'error_description') };
    }
    if (step === 'userinfo' && v.responseJson && typeof v.responseJson === 'object' && !Array.isArray(v.responseJson)) {
      f.plainUserinfo.push({ entry: v.index, sub: (v.responseJson as Record<string, unknown>).sub });
    }
    if (step === 'token' && !f.token) {
      f.token = { entry: v.index, endpoint: v.endpoint, form: v.form, basicAuth: /^basic\s/i.test(v.headers['authorization']?.[0] ?? '') };
      const at = (v.responseJson as { access_token?: unknown } | undefined)?.access_token;
      if (typeof at === 'string') f.accessToken = at;
    }
  }

  private recordAuthorize(f: FlowState, v: EntryView, p: Params, step: FlowStep['step']): void {
    if (step === 'authorize') f.authorizeEntry = v.index;
    f.authorizeParams = { ...(f.authorizeParams ?? {}), ...p };
    f.brokerHost = v.host;
    f.clientId ??= one(p, 'client_id');
    f.redirectUri ??= one(p, 'redirect_uri');
    f.sentState ??= one(p, 'state');
    f.nonce ??= one(p, 'nonce');
    f.maxAgeSent ||= one(p, 'max_age') !== undefined;
    f.codeChallenge ??= one(p, 'code_challenge');
    f.codeChallengeMethod ??= one(p, 'code_challenge_method');
    const origin = v.headers['origin']?.[0] ?? v.headers['referer']?.[0];
    if (origin) f.browserOrigin ??= /^[a-z]+:\/\/([^/?#]+)/i.exec(origin)?.[1];
    if (f.redirectUri) f.clientHost = /^[a-z]+:\/\/([^/?#]+)/i.exec(f.redirectUri)?.[1]?.toLowerCase();
  }

  /** Records what the entry's inspected tokens add (request object claims, ID tokens, assertions, userinfo). */
  recordTokens(f: FlowState, step: FlowStep['step'], reports: TokenReport[]): void {
    for (const t of reports) {
      if (t.kind === 'request_object' && (step === 'authorize' || step === 'par') && !f.requestObject) this.recordRequestObject(f, t);
      else if (t.kind === 'client_assertion' && step === 'token') f.clientAssertions.push(t);
      else if (t.kind === 'id_token' && (step === 'token' || step === 'callback' || t.location.har?.part === 'response')) f.idTokens.push(t);
      else if (t.kind === 'userinfo') f.userinfos.push(t);
    }
  }

  private recordRequestObject(f: FlowState, t: TokenReport): void {
    f.requestObject = t;
    const c = t.payload;
    if (!c) return;
    const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : undefined);
    // The broker uses the request object's claims (OIDC-CORE §6.1), so they win over the query.
    f.sentState = str('state') ?? f.sentState;
    f.nonce = str('nonce') ?? f.nonce;
    f.codeChallenge = str('code_challenge') ?? f.codeChallenge;
    f.codeChallengeMethod = str('code_challenge_method') ?? f.codeChallengeMethod;
    f.clientId ??= str('client_id');
    f.redirectUri ??= str('redirect_uri');
    if (c.max_age !== undefined) f.maxAgeSent = true;
    if (f.redirectUri) f.clientHost = /^[a-z]+:\/\/([^/?#]+)/i.exec(f.redirectUri)?.[1]?.toLowerCase();
  }
}
