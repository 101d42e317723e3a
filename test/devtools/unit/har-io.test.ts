import assert from 'node:assert/strict';
import type { Har } from 'har-format';
import { exportFileName, exportHar, readHarFile } from '../../../src/devtools/har-io';
import { Analyzer, emptyReport } from '../../../src/devtools/analysis';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMzEwNTItMzA4VCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const HETU = '131052-308T';

function har(): Har {
  return { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [{
    startedDateTime: '2026-01-01T00:00:00.000Z', time: 1, cache: {}, timings: { send: 0, wait: 1, receive: 0 },
    request: { method: 'POST', url: 'https://b.example/token', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], redirectURL: '', headersSize: -1, bodySize: 0,
      content: { size: 0, mimeType: 'application/json', text: JSON.stringify({ id_token: JWT, user: { hetu: HETU } }) } },
  }] } };
}

suite('devtools HAR import/export', () => {
  test('exportFileName marks sanitised and unsanitised exports', () => {
    const at = new Date('2026-11-25T19:05:07.123Z');
    assert.equal(exportFileName(at, true), 'ftn-capture-2026-11-25T19-05-07-sanitised.har');
    assert.equal(exportFileName(at, false), 'ftn-capture-2026-11-25T19-05-07-UNSANITISED.har');
  });

  test('a sanitised export has no token and no HETU; an unsanitised one is the capture verbatim', async () => {
    const clean = await exportHar(har(), true);
    assert.equal(clean.sanitized, true);
    assert.ok(!clean.text.includes(JWT.slice(0, 30)));
    assert.ok(!clean.text.includes(HETU));
    assert.ok(Object.values(clean.redactions ?? {}).reduce((a, b) => a + b, 0) >= 2);
    const raw = await exportHar(har(), false);
    assert.deepEqual(JSON.parse(raw.text), har());
  });

  test('readHarFile returns the usable entries, or says exactly why the file is not a HAR', () => {
    const h = har();
    (h.log.entries as unknown[]).push({ bogus: true });
    assert.equal(readHarFile(JSON.stringify(h)).length, 1);
    assert.throws(() => readHarFile('nope', 'a.har'), { name: 'HarReadError', message: '"a.har" is not JSON: not a HAR file' });
    assert.throws(() => readHarFile('{"log":{}}', 'b.har'), { name: 'HarReadError', message: '"b.har" has no "log.entries" array: not a HAR file' });
  });

  test('the analyzer reports an empty capture without analysing, and coalesces bursts of changes into one run', async () => {
    const reports: unknown[] = [];
    let count = 0;
    const a = new Analyzer(() => ({ text: JSON.stringify(har()), count }), () => ({}), (r) => reports.push(r), (m) => reports.push(m), 20);
    await a.now();
    assert.deepEqual(reports, [emptyReport()]);
    count = 1;
    a.schedule(); a.schedule(); a.schedule();
    assert.equal(a.busy, true);
    await new Promise((r) => setTimeout(r, 40));
    while (a.busy) await new Promise((r) => setTimeout(r, 10));
    assert.equal(a.runs, 2);
    const last = reports[1] as { tokens: { kind: string }[]; entries: unknown[] };
    assert.deepEqual(last.tokens.map((t) => t.kind), ['id_token']);
    assert.equal(last.entries.length, 1);
  });
});
