/** A small HAR (authorize, callback, token request/response) built from the fixture tokens, for the core suite. */

interface Tokens { now: number; idTokenJwe: string; clientAssertion: string; requestObject: string }

const at = (now: number, s: number): string => new Date((now + s) * 1000).toISOString();
const nv = (o: Record<string, string>): { name: string; value: string }[] => Object.entries(o).map(([name, value]) => ({ name, value }));

function entry(now: number, s: number, method: string, url: string, status: number, extra: { form?: Record<string, string>; body?: string; mime?: string; location?: string }): object {
  const u = new URL(url);
  return {
    startedDateTime: at(now, s), time: 20,
    request: {
      method, url, httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1, bodySize: -1,
      headers: nv({ Host: u.host, ...(extra.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) }),
      queryString: Array.from(u.searchParams, ([name, value]) => ({ name, value })),
      ...(extra.form ? { postData: { mimeType: 'application/x-www-form-urlencoded', params: nv(extra.form), text: new URLSearchParams(extra.form).toString() } } : {}),
    },
    response: {
      status, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1, bodySize: -1, redirectURL: extra.location ?? '',
      headers: nv({ 'Content-Type': extra.mime ?? 'text/html', ...(extra.location ? { Location: extra.location } : {}) }),
      content: { size: extra.body?.length ?? 0, mimeType: extra.mime ?? 'text/html', text: extra.body ?? '' },
    },
    cache: {}, timings: { send: 1, wait: 18, receive: 1 },
  };
}

/** HAR text: authorize with a request object, callback with a code, token request with assertion + encrypted ID token. */
export function sampleHar(t: Tokens): string {
  const cb = 'https://app.example.com/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=st-4f1c9a7e2b';
  const entries = [
    entry(t.now, 0, 'GET', `https://demo.idura.broker/oauth2/authorize?client_id=demo-client&response_type=code&scope=openid&request=${t.requestObject}`, 302, { location: cb }),
    entry(t.now, 5, 'GET', cb, 200, {}),
    entry(t.now, 6, 'POST', 'https://demo.idura.broker/oauth2/token', 200, {
      form: { grant_type: 'authorization_code', code: 'SplxlOBeZQQYbYS6WxSbIA', redirect_uri: 'https://app.example.com/callback', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: t.clientAssertion },
      mime: 'application/json', body: JSON.stringify({ access_token: 'opaque-at', token_type: 'Bearer', expires_in: 600, id_token: t.idTokenJwe }),
    }),
  ];
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'ftn-ui-test', version: '1' }, entries } });
}
