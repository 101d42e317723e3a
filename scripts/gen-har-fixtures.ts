/**
 * Generates the HAR sample examples/ftn-login.har and the HAR fixtures in test/fixtures/har/ (one
 * flow per cross-token violation, plus tool flavours and damaged files) from the committed demo keys.
 * Usage: npx tsx scripts/gen-har-fixtures.ts. JWEs differ on every run (RSA-OAEP is randomised).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry, Har } from 'har-format';
import { loadDemoKeys } from './fixtures/keys';
import { HAR_NOW, har, loginFlow, type FlowOptions } from './fixtures/har';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test/fixtures/har');

/** One fixture: file name, what it shows, the rules it is built to trigger. */
interface Spec { file: string; what: string; expects: string[]; make: () => Promise<string> }

const json = (h: Har) => JSON.stringify(h, null, 2) + '\n';

/** Chrome DevTools: `_initiator`, `_priority`, `_resourceType` vendor fields and a pages array. */
function chrome(entries: Entry[]): Har {
  const h = har(entries.map((e, i) => ({
    ...e, _initiator: { type: i === 0 ? 'other' : 'redirect' }, _priority: 'VeryHigh', _resourceType: 'document',
    pageref: 'page_1', connection: String(443 + i), serverIPAddress: '192.0.2.10',
  }) as Entry));
  h.log.pages = [{ startedDateTime: entries[0].startedDateTime, id: 'page_1', title: 'https://app.example.com/login', pageTimings: {} }];
  return h;
}

/** Firefox: its creator, no vendor fields, request bodies with both text and params. */
const firefox = (entries: Entry[]) => har(entries, { name: 'Firefox', version: '140.0' });

/** mitmproxy's HAR addon: every response body base64-encoded. */
function mitmproxy(entries: Entry[]): Har {
  return har(entries.map((e) => {
    const c = e.response.content;
    if (!c.text) return e;
    return { ...e, response: { ...e.response, content: { ...c, text: Buffer.from(c.text, 'utf8').toString('base64'), encoding: 'base64' } } };
  }), { name: 'mitmproxy', version: '11.0.0' });
}

/** Charles: comments everywhere, empty params arrays beside the text. */
function charles(entries: Entry[]): Har {
  return har(entries.map((e) => ({
    ...e, comment: '',
    request: { ...e.request, ...(e.request.postData ? { postData: { mimeType: e.request.postData.mimeType, text: e.request.postData.text ?? '', params: [] } as never } : {}) },
  })), { name: 'Charles Proxy', version: '5.0' });
}

/** Fiddler: form bodies as `params` only (no text), no Content-Type mime on the postData. */
function fiddler(entries: Entry[]): Har {
  return har(entries.map((e) => {
    const p = e.request.postData as { params?: { name: string; value: string }[] } | undefined;
    if (!p?.params) return e;
    return { ...e, request: { ...e.request, postData: { mimeType: '', params: p.params.map((x) => ({ name: x.name, value: encodeURIComponent(x.value) })) } } };
  }), { name: 'Fiddler', version: '5.0.20253' });
}

async function main(): Promise<void> {
  const keys = loadDemoKeys();
  const flow = (o: FlowOptions = {}) => loginFlow(keys, o);
  const plain = async (o: FlowOptions) => json(har(await flow(o)));
  const specs: Spec[] = [
    { file: 'nonce-mismatch.har', what: 'ID token nonce differs from the request object nonce', expects: ['FTN-IDT-NONCE'], make: () => plain({ idTokenNonce: 'n-someone-elses-nonce-000000' }) },
    { file: 'state-mismatch.har', what: 'callback state differs from the state sent', expects: ['FTN-FLOW-STATE'], make: () => plain({ returnedState: 'st-tampered-0000' }) },
    { file: 'jti-reuse.har', what: 'two logins whose client assertions share one jti', expects: ['FTN-CA-JTI-REUSE'], make: async () => json(har([
      ...await flow({ assertionJti: 'ca-fixed-jti-1' }),
      ...await flow({ assertionJti: 'ca-fixed-jti-1', start: HAR_NOW + 120, state: 'st-second-login', code: 'second-code-0000000000' }),
    ])) },
    { file: 'pkce-mismatch.har', what: 'code_verifier does not hash to the code_challenge', expects: ['FTN-FLOW-PKCE'], make: () => plain({ verifier: 'wrong-verifier-wrong-verifier-wrong-verifier' }) },
    { file: 'pkce-plain.har', what: 'code_challenge_method plain', expects: ['FTN-FLOW-PKCE-PLAIN'], make: () => plain({ challengeMethod: 'plain' }) },
    { file: 'client-secret.har', what: 'token request sends client_secret beside the assertion', expects: ['FTN-CA-NOSECRET'], make: () => plain({ clientSecret: 'demo-client-secret-do-not-send' }) },
    { file: 'aud-mismatch.har', what: 'client_assertion aud is neither the token endpoint nor the issuer called', expects: ['FTN-CA-AUD-VAL'], make: () => plain({ assertionAud: 'https://rp.example.net/token' }) },
    { file: 'userinfo-sub-mismatch.har', what: 'userinfo sub differs from the ID token sub', expects: ['FTN-UI-SUB'], make: () => plain({ userinfoSub: 'someone-else-0002' }) },
    { file: 'at-hash-mismatch.har', what: 'ID token at_hash does not match the access token', expects: ['FTN-FLOW-ATHASH'], make: () => plain({ atHash: 'AAAAAAAAAAAAAAAAAAAAAA' }) },
    { file: 'query-mismatch.har', what: 'query scope differs from the request object scope', expects: ['FTN-RO-QUERY'], make: () => plain({ query: { scope: 'openid profile' } }) },
    { file: 'error-callback.har', what: 'the broker returns error=access_denied to the callback', expects: ['FTN-FLOW-ERROR'], make: () => plain({ error: { error: 'access_denied', description: 'user cancelled' } }) },
    { file: 'par.har', what: 'clean flow through PAR (request_uri at the authorize endpoint)', expects: [], make: () => plain({ par: true }) },
    { file: 'form-post.har', what: 'clean flow with response_mode=form_post (POST callback)', expects: [], make: () => plain({ formPost: true }) },
    { file: 'chrome.har', what: 'Chrome DevTools export with vendor fields and a UTF-8 BOM', expects: [], make: async () => '\ufeff' + json(chrome(await flow())) },
    { file: 'firefox.har', what: 'Firefox export', expects: [], make: async () => json(firefox(await flow())) },
    { file: 'mitmproxy.har', what: 'mitmproxy export, base64 response bodies', expects: [], make: async () => json(mitmproxy(await flow())) },
    { file: 'charles.har', what: 'Charles export, comments and empty params arrays', expects: [], make: async () => json(charles(await flow())) },
    { file: 'fiddler.har', what: 'Fiddler export, form bodies as postData.params only', expects: [], make: async () => json(fiddler(await flow())) },
    { file: 'truncated.har', what: 'Chrome export cut off inside the userinfo entry (entry 6)', expects: ['HAR-READ'], make: async () => {
      const text = json(chrome(await flow()));
      return text.slice(0, text.indexOf('"url": "https://demo.idura.broker/oauth2/userinfo"') + 30);
    } },
    { file: 'not-json.har', what: 'an HTML error page saved as .har', expects: ['HarReadError'], make: async () => '<!doctype html><title>502 Bad Gateway</title>\n' },
    { file: 'not-har.har', what: 'JSON that is not a HAR', expects: ['HarReadError'], make: async () => '{"data": {"entries": []}}\n' },
  ];
  mkdirSync(OUT, { recursive: true });
  for (const s of specs) writeFileSync(path.join(OUT, s.file), await s.make());
  writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify({ now: HAR_NOW, fixtures: specs.map(({ make, ...s }) => (void make, s)) }, null, 2) + '\n');
  writeFileSync(path.join(OUT, 'README.md'), readme(specs));
  writeFileSync(path.join(ROOT, 'examples/ftn-login.har'), json(chrome(await flow())));
  console.log(`wrote ${specs.length} HAR fixtures to ${path.relative(ROOT, OUT)} and examples/ftn-login.har`);
}

function readme(specs: Spec[]): string {
  return `# HAR fixtures

Generated by \`npx tsx scripts/gen-har-fixtures.ts\` (builders in scripts/fixtures/har.ts) from the DEMO
keys in examples/demo-keys/. Every login is captured at ${new Date(HAR_NOW * 1000).toISOString()} (= ${HAR_NOW}); token
times follow the entries' startedDateTime. Entries of one login: 0 app /login → 1 authorize (request object,
PKCE S256) → 2 demo bank page → 3 demo bank POST (302 to the callback) → 4 callback (code, state) → 5 token
(client_assertion, code_verifier; JSON with JWE id_token and at+jwt access_token) → 6 userinfo (Bearer;
application/jwt JWE) → 7 app /api/me (plain JSON with the synthetic HETU ${'131052-308T'}). PAR flows have the
PAR POST as entry 0. All personal data is synthetic.

| File | What | Built to trigger |
|---|---|---|
${specs.map((s) => `| ${s.file} | ${s.what} | ${s.expects.join(', ') || '—'} |`).join('\n')}
`;
}

main().catch((err) => { console.error(err); process.exit(1); });
