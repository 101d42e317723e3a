import * as assert from 'node:assert/strict';
import { analyzeHar } from '../../../src/core/har/har.analyze';
import type { Report } from '../../../src/core/types';
import { HAR_NOW, demoRing, example, fixture } from './har.support';

async function analyze(text: string, extra: Record<string, unknown> = {}): Promise<Report> {
  return analyzeHar(text, { keys: await demoRing(), clientId: 'demo-client', ...extra });
}

const places = (r: Report) => r.tokens.map((t) => [t.location.har?.entry, t.location.har?.part, t.location.har?.field, t.location.har?.name, t.kind].join(' '));
const rules = (r: Report) => r.findings.map((f) => f.rule);

suite('har.analyze: the sample trace', () => {
  test('finds every token in its exact place with its kind', async () => {
    const r = await analyze(example());
    assert.deepEqual(places(r), [
      '0 response query request request_object',
      '1 request query request request_object',
      '5 request form client_assertion client_assertion',
      '5 response json $.access_token access_token',
      '5 response json $.id_token id_token',
      '6 request header authorization access_token',
      '6 response body body userinfo',
    ]);
    assert.equal(r.source?.kind, 'har');
    assert.equal(r.tokens[4].decryption?.status, 'decrypted');
    assert.equal(r.tokens[4].payload?.nonce, 'n-0S6_WzA2Mj-demo-nonce-4f1c9a');
    assert.equal(r.tokens[6].payload?.sub, 'b5f2c1e0-demo-user-0001');
  });

  test('locations point at the token in the HAR text', async () => {
    const text = example();
    const r = await analyze(text);
    for (const t of r.tokens) assert.equal(text.slice(t.location.offset, t.location.offset + t.location.length), t.raw);
    assert.ok(r.tokens[1].location.line > 1);
  });

  test('rebuilds one flow with steps, timing, parties and token indexes', async () => {
    const r = await analyze(example());
    assert.equal(r.flows?.length, 1);
    const f = r.flows![0];
    assert.deepEqual(f.steps.map((s) => [s.step, s.entry, s.offsetMs, s.tokens.join(',')]), [
      ['authorize', 1, 0, '1'], ['callback', 4, 20800, ''], ['token', 5, 21100, '2,3,4'], ['userinfo', 6, 21400, '5,6'],
    ]);
    assert.deepEqual(f.parties, { client: 'app.example.com', broker: 'demo.idura.broker', browserOrigin: 'app.example.com' });
    assert.equal(f.clientId, 'demo-client');
    assert.equal(f.state, 'st-4f1c9a7e2b');
    assert.deepEqual(f.findings, []);
    assert.equal(f.verdict, 'ok');
    assert.deepEqual(r.findings, []);
  });

  test('entry summaries list only entries with tokens or in a flow', async () => {
    const r = await analyze(example());
    assert.deepEqual(r.entries?.map((e) => [e.entry, e.method, e.host, e.path, e.status, e.tokens.join(',')]), [
      [0, 'GET', 'app.example.com', '/login', 302, '0'],
      [1, 'GET', 'demo.idura.broker', '/oauth2/authorize', 302, '1'],
      [4, 'GET', 'app.example.com', '/callback', 302, ''],
      [5, 'POST', 'demo.idura.broker', '/oauth2/token', 200, '2,3,4'],
      [6, 'GET', 'demo.idura.broker', '/oauth2/userinfo', 200, '5,6'],
    ]);
  });

  test('time rules use each entry\'s startedDateTime, not the wall clock', async () => {
    const later = HAR_NOW + 365 * 86400;
    const r = await analyze(example(), { now: later });
    const timeRules = r.tokens.flatMap((t) => [...t.findings, ...(t.nested?.findings ?? [])]).filter((f) => /EXP|TIME/.test(f.rule));
    assert.deepEqual(timeRules, []);
    // Control: without startedDateTime the same trace is judged at options.now, and then it has expired.
    const undated = JSON.parse(example());
    for (const e of undated.log.entries) e.startedDateTime = '';
    const old = await analyze(JSON.stringify(undated), { now: later });
    const idt = old.tokens[4];
    assert.ok([...idt.findings, ...(idt.nested?.findings ?? [])].some((f) => f.rule === 'FTN-IDT-EXP' && f.severity === 'error'));
  });

  test('referenceTime "now" judges every token at options.now instead of its entry time', async () => {
    const later = HAR_NOW + 365 * 86400;
    const r = await analyze(example(), { now: later, referenceTime: 'now' });
    const idt = r.tokens[4];
    assert.ok([...idt.findings, ...(idt.nested?.findings ?? [])].some((f) => f.rule === 'FTN-IDT-EXP' && f.severity === 'error'));
  });

  test('without keys the JWE payloads stay hidden but places and flow are the same', async () => {
    const r = await analyzeHar(example(), { clientId: 'demo-client' });
    assert.equal(r.tokens[4].decryption?.status, 'no-key');
    assert.deepEqual(r.flows![0].steps.map((s) => s.step), ['authorize', 'callback', 'token', 'userinfo']);
  });
});

suite('har.analyze: cross-token checks', () => {
  const cases: [string, string, string][] = [
    ['nonce-mismatch.har', 'FTN-IDT-NONCE', 'ID token "nonce" is "n-someone-elses-nonce-000000" but the authorization request sent "n-0S6_WzA2Mj-demo-nonce-4f1c9a"'],
    ['state-mismatch.har', 'FTN-FLOW-STATE', '"state" returned to the callback (entry 4) is "st-tampered-0000" but the authorization request sent "st-4f1c9a7e2b"'],
    ['jti-reuse.har', 'FTN-CA-JTI-REUSE', '"jti" "ca-fixed-jti-1" is used by 2 client assertions (entries 5, 13): a jti must be single use'],
    ['pkce-mismatch.har', 'FTN-FLOW-PKCE', 'S256(code_verifier) is "L41uFJi1RSCaiQaJ3z90sF_Q5d0dV0dxkOXMnbb6Od4" but "code_challenge" is "PTCFVUgkI_w_eWa99CJ6qve7LMmNgu6VRNXElk0L7J8"'],
    ['pkce-plain.har', 'FTN-FLOW-PKCE-PLAIN', '"code_challenge_method" is "plain": use "S256"'],
    ['client-secret.har', 'FTN-CA-NOSECRET', 'the token request (entry 5) sends "client_secret" (form field): FTN clients authenticate with private_key_jwt'],
    ['aud-mismatch.har', 'FTN-CA-AUD-VAL', 'client_assertion "aud" is "https://rp.example.net/token" but the token request went to "https://demo.idura.broker/oauth2/token" (issuer "https://demo.idura.broker")'],
    ['userinfo-sub-mismatch.har', 'FTN-UI-SUB', 'userinfo "sub" is "someone-else-0002" but the ID token "sub" is "b5f2c1e0-demo-user-0001"'],
    ['at-hash-mismatch.har', 'FTN-FLOW-ATHASH', 'ID token "at_hash" is "AAAAAAAAAAAAAAAAAAAAAA" but the access_token hashes to "imWLG9RNaRKJj16snQbT2g" (RS256)'],
    ['query-mismatch.har', 'FTN-RO-QUERY', 'query parameter "scope" is "openid profile" but the request object says "openid"'],
    ['error-callback.har', 'FTN-FLOW-ERROR', 'the authorization callback (entry 4) returned error "access_denied" ("user cancelled")'],
  ];
  // Reported once, on the token that breaks it (with its exact location), not again on the flow.
  const onToken: Record<string, [number[], RegExp]> = {
    'FTN-IDT-NONCE': [[4], /^"nonce" is "n-someone-elses-nonce-000000" but the authorization request sent "n-0S6_WzA2Mj-demo-nonce-4f1c9a"/],
    'FTN-CA-NOSECRET': [[2], /^token request sends form field "client_secret"/],
    'FTN-CA-AUD-VAL': [[2], /"aud" .*"https:\/\/rp\.example\.net\/token"/],
    // the request object stands twice: in the app's redirect (Location) and in the authorize request
    'FTN-RO-QUERY': [[0, 1], /"scope".*"openid profile".*"openid"/],
  };
  for (const [file, rule, message] of cases) {
    test(`${file}: ${rule}`, async () => {
      const r = await analyze(fixture(file));
      if (onToken[rule]) {
        const [indexes, pattern] = onToken[rule];
        assert.deepEqual(rules(r), []);
        const all = r.tokens.flatMap((t, i) => [...t.findings, ...(t.nested?.findings ?? [])].map((f) => [i, f] as const)).filter(([, f]) => f.rule === rule);
        assert.deepEqual(all.map(([i]) => i), indexes, `${rule} is reported once per token that breaks it`);
        for (const [, f] of all) assert.match(f.message, pattern);
        assert.equal(r.flows![0].verdict, 'errors');
        return;
      }
      assert.deepEqual(rules(r), [rule]);
      assert.equal(r.findings[0].message, message);
      const flow = r.flows!.find((f) => f.findings.some((x) => x.rule === rule));
      assert.ok(flow, 'the finding is on a flow');
      assert.equal(flow.verdict, r.findings[0].severity === 'error' ? 'errors' : 'warnings');
    });
  }

  test('jti reuse is on both flows; the second flow is correlated by its own state and code', async () => {
    const r = await analyze(fixture('jti-reuse.har'));
    assert.deepEqual(r.flows!.map((f) => [f.state, f.steps.map((s) => s.entry).join(',')]), [
      ['st-4f1c9a7e2b', '1,4,5,6'], ['st-second-login', '9,12,13,14'],
    ]);
    assert.deepEqual(r.flows!.map((f) => f.findings.map((x) => x.rule)), [['FTN-CA-JTI-REUSE'], ['FTN-CA-JTI-REUSE']]);
  });

  test('error callback: the flow ends at the callback and is not called incomplete', async () => {
    const r = await analyze(fixture('error-callback.har'));
    assert.deepEqual(r.flows![0].steps.map((s) => s.step), ['authorize', 'callback']);
  });

  test('PAR: the PAR POST and the authorize request with request_uri are one flow', async () => {
    const r = await analyze(fixture('par.har'));
    assert.deepEqual(rules(r), []);
    assert.equal(r.flows?.length, 1);
    assert.deepEqual(r.flows![0].steps.map((s) => [s.step, s.entry]), [['par', 0], ['authorize', 2], ['callback', 5], ['token', 6], ['userinfo', 7]]);
    assert.deepEqual(places(r).slice(0, 2), ['0 request form request request_object', '0 request form client_assertion client_assertion']);
  });

  test('form_post: the POST callback carries code and state as form fields', async () => {
    const r = await analyze(fixture('form-post.har'));
    assert.deepEqual(rules(r), []);
    const cb = r.flows![0].steps.find((s) => s.step === 'callback');
    assert.deepEqual([cb?.entry, cb?.method], [4, 'POST']);
    assert.equal(r.flows![0].verdict, 'ok');
  });

  test('an authorize request without request object is FTN-RO-PRESENT; a lone authorize is incomplete', async () => {
    const har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [{
      startedDateTime: '2026-11-02T10:00:00.000Z', time: 1,
      request: { method: 'GET', url: 'https://demo.idura.broker/oauth2/authorize?client_id=demo-client&response_type=code&scope=openid&client_secret=s3cr3t-value', httpVersion: 'HTTP/2', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 302, statusText: '', httpVersion: 'HTTP/2', headers: [], cookies: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {}, timings: { send: 0, wait: 0, receive: 0 },
    }] } };
    const r = await analyze(JSON.stringify(har));
    assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.message]), [
      ['FTN-RO-PRESENT', 'error', 'the authorization request (entry 0) carries neither "request" nor "request_uri": FTN requires a signed request object'],
      ['FTN-FLOW-SECRET', 'error', '"client_secret" is sent in the authorize request (entry 0): a client secret must never leave the client'],
      ['FTN-FLOW-INCOMPLETE', 'info', 'the flow has no callback and no token request in this trace'],
    ]);
    assert.equal(r.flows![0].verdict, 'errors');
  });

  test('disabledRules suppresses cross-token findings too', async () => {
    const r = await analyze(fixture('state-mismatch.har'), { disabledRules: ['FTN-FLOW-STATE'] });
    assert.deepEqual(rules(r), []);
    assert.deepEqual(r.flows![0].findings, []);
  });
});

suite('har.analyze: tool flavours and damaged files', () => {
  for (const file of ['chrome.har', 'firefox.har', 'mitmproxy.har', 'charles.har', 'fiddler.har']) {
    test(`${file}: same tokens, places and flow as the sample`, async () => {
      const r = await analyze(fixture(file));
      assert.deepEqual(places(r), [
        '0 response query request request_object', '1 request query request request_object',
        '5 request form client_assertion client_assertion', '5 response json $.access_token access_token',
        '5 response json $.id_token id_token', '6 request header authorization access_token', '6 response body body userinfo',
      ]);
      assert.deepEqual(r.flows!.map((f) => [f.verdict, f.steps.map((s) => s.step).join(',')]), [['ok', 'authorize,callback,token,userinfo']]);
      assert.equal(r.tokens[4].decryption?.status, 'decrypted');
    });
  }

  test('truncated file: the complete entries are analysed and the note names the byte offset', async () => {
    const text = fixture('truncated.har');
    const r = await analyze(text);
    const offset = Buffer.byteLength(text, 'utf8');
    const note = `har is truncated at byte offset ${offset} (end of input inside entry 6); 6 complete entries were analysed`;
    assert.deepEqual(r.notes, [note]);
    assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.message]), [['HAR-READ', 'error', note]]);
    assert.deepEqual(r.flows![0].steps.map((s) => s.step), ['authorize', 'callback', 'token']);
    assert.equal(r.tokens.length, 5);
  });

  test('a body over maxHarBodyChars is skipped with a note', async () => {
    const text = example();
    const size = JSON.parse(text).log.entries[5].response.content.text.length;
    const r = await analyze(text, { limits: { maxHarBodyChars: 1000 } });
    const note = `entry 5 response: body of ${size} characters is over the limit of 1000: skipped`;
    assert.ok(r.notes?.includes(note));
    assert.deepEqual(r.findings.filter((f) => f.message === note).map((f) => [f.rule, f.severity]), [['HAR-BODY-SKIPPED', 'info']]);
    assert.ok(!r.tokens.some((t) => t.location.har?.name === '$.id_token'));
  });

  test('not JSON and JSON-but-not-HAR throw HarReadError with a clear message', async () => {
    await assert.rejects(analyzeHar(fixture('not-json.har')), { name: 'HarReadError', message: 'not a HAR: the text is not JSON at byte offset 0 (Unexpected token \'<\', "<!doctype "... is not valid JSON)' });
    await assert.rejects(analyzeHar(fixture('not-har.har')), { name: 'HarReadError', message: 'not a HAR: missing "log" object' });
  });
});

suite('har.analyze: progress and limits', () => {
  test('onProgress reports characters read after each entry, ending at the entry that closes the log', async () => {
    const text = example();
    const seen: [number, number][] = [];
    await analyzeHar(text, { onProgress: (done, total) => seen.push([done, total]) });
    const count = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries.length;
    assert.equal(seen.length, count);
    assert.ok(seen.every(([, total]) => total === text.length));
    assert.ok(seen.every(([done], i) => i === 0 || done > seen[i - 1][0]), 'monotonic');
    assert.ok(seen[seen.length - 1][0] > text.length * 0.9);
  });

  test('a token over limits.maxTokenLength is not inspected, and a note says where', async () => {
    const r = await analyzeHar(example(), { limits: { maxTokenLength: 700 } });
    const skipped = r.findings.filter((f) => f.rule === 'HAR-BODY-SKIPPED');
    assert.ok(skipped.length > 0);
    assert.match(skipped[0].message, /^entry \d+: a token of \d+ characters in (request|response) \w+ "[^"]+" is over the limit of 700 and was not inspected$/);
    assert.ok(r.tokens.every((t) => t.raw.length <= 700));
    assert.ok(r.notes?.some((n) => n === skipped[0].message));
  });
});
