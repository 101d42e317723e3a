// Local fake FTN login on 127.0.0.1: a login page whose button runs the OIDC code flow with fetch(),
// carrying REAL tokens built by scripts/fixtures/tokens.ts with the demo keys (examples/demo-keys/),
// or with fresh in-memory demo keys when those are not generated yet.
import http from 'node:http';
import { tsImport } from 'tsx/esm/api';

const here = import.meta.url;

/** Builds the flow's tokens; returns them with the keys the panel needs to decrypt and verify. */
export async function makeTokens(now = Math.floor(Date.now() / 1000)) {
  const tok = await tsImport('../../scripts/fixtures/tokens.ts', here);
  const k = await tsImport('../../scripts/fixtures/keys.ts', here);
  let keys, keySource;
  try { keys = k.loadDemoKeys(); keySource = 'examples/demo-keys'; } catch { keys = await k.createDemoKeys(); keySource = 'generated'; }
  const opts = { now };
  return {
    keySource,
    demo: tok.DEMO,
    clientEncPrivate: JSON.stringify(keys.clientEnc, null, 2),
    brokerJwks: JSON.stringify({ keys: [k.publicJwk(keys.brokerSig)] }, null, 2),
    clientAssertion: await tok.clientAssertion(keys, opts),
    requestObject: await tok.requestObject(keys, opts),
    idToken: await tok.idToken(keys, opts),
    userinfo: await tok.userinfo(keys, opts),
    accessToken: await tok.accessToken(keys, opts),
  };
}

const loginPage = (demo) => `<!doctype html><html><head><meta charset="utf-8"><title>Demo FTN login</title></head>
<body><h1>Demo relying party</h1><button id="login">Log in with FTN</button><p id="status">idle</p>
<script>
document.getElementById('login').onclick = async () => {
  const s = document.getElementById('status');
  s.textContent = 'running';
  // The RP back end hands its tokens over as opaque bytes (not text), so only the OIDC traffic carries them.
  const rp = await (await fetch('/rp/tokens')).json();
  const ro = rp.requestObject;
  const a = await fetch('/oauth2/authorize?client_id=${demo.clientId}&response_type=code&scope=openid&request=' + ro);
  const code = new URL(a.url).searchParams.get('code');
  const ca = rp.clientAssertion;
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: '${demo.redirectUri}',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: ca });
  const t = await (await fetch('/oauth2/token', { method: 'POST', body })).json();
  await (await fetch('/oauth2/userinfo', { headers: { authorization: 'Bearer ' + t.access_token } })).text();
  await (await fetch('/app/session')).json();
  s.textContent = 'done ' + (++window.logins || (window.logins = 1));
};
</script></body></html>`;

/** Starts the server on an ephemeral 127.0.0.1 port; resolves { url, close, hits }. */
export async function startServer(tokens) {
  const hits = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    hits.push(`${req.method} ${url.pathname}`);
    const send = (status, type, body, headers = {}) => { res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }); res.end(body); };
    switch (url.pathname) {
      case '/': return send(200, 'text/html; charset=utf-8', loginPage(tokens.demo));
      case '/favicon.ico': return send(204, 'image/x-icon', '');
      case '/rp/tokens': return send(200, 'application/octet-stream',
        JSON.stringify({ requestObject: tokens.requestObject, clientAssertion: tokens.clientAssertion }));
      case '/oauth2/authorize': return send(302, 'text/plain', '', { location: `/callback?code=demo-code-1&state=${tokens.demo.state}` });
      case '/callback': return send(200, 'text/html', '<p>signed in</p>');
      case '/oauth2/token': {
        req.resume();
        return req.on('end', () => send(200, 'application/json', JSON.stringify({
          access_token: tokens.accessToken, token_type: 'Bearer', expires_in: 600, scope: 'openid', id_token: tokens.idToken })));
      }
      case '/oauth2/userinfo': return send(200, 'application/jwt', tokens.userinfo);
      case '/app/session': return send(200, 'application/json', JSON.stringify({ user: { name: 'Demo Testaaja', hetu: tokens.demo.hetu } }));
      default: return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, hits, close: () => new Promise((r) => server.close(r)) };
}
