import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { byteOffset, scanHarEntries } from '../../src/core/har/har.json-scan';
import { HarSplitter, splitHar, type HarSplitSummary, type StreamedEntry } from '../../src/core/har/har.stream';
import { positionAt } from '../../src/core/util/position';
import { HarReadError } from '../../src/core/errors';
import { analyzeHar } from '../../src/core/har/har.analyze';
import { analyzeHarChunks, analyzeHarFile, fileChunks, looksLikeHarFile } from '../../src/cli/har.stream';
import { demoRing, HAR_NOW } from './har/har.support';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/har');

/** Feeds `text` in chunks of `size` characters; returns the entries and the summary. */
function split(text: string, size: number, options?: ConstructorParameters<typeof HarSplitter>[0]): { entries: StreamedEntry[]; summary: HarSplitSummary } {
  const s = new HarSplitter(options);
  const entries: StreamedEntry[] = [];
  for (let i = 0; i < text.length; i += size) entries.push(...s.push(text.slice(i, i + size)));
  return { entries, summary: s.end() };
}

const SIZES = [1, 2, 3, 7, 64, 1000, Infinity];

suite('har.stream: HarSplitter', () => {
  test('gives exactly the entries scanHarEntries finds, with offsets and positions, for every chunk size (all fixtures)', () => {
    const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.har')).map((f) => path.join(FIXTURES, f)), path.join(ROOT, 'examples/ftn-login.har')];
    assert.ok(files.length >= 20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const scan = scanHarEntries(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
      const want = scan.slices.map((sl) => ({ index: sl.index, text: text.slice(sl.start, sl.end), offset: sl.start, ...positionAt(text, sl.start), byteOffset: byteOffset(text, sl.start) }));
      for (const size of SIZES) {
        const { entries, summary } = split(text, size === Infinity ? text.length : size);
        assert.deepEqual(entries, want, `${path.basename(file)} in chunks of ${size}`);
        assert.equal(summary.foundEntries, scan.foundEntries, path.basename(file));
        assert.deepEqual(summary.nonObjects, scan.nonObjects, path.basename(file));
        assert.deepEqual(summary.truncated, scan.truncated, path.basename(file));
      }
    }
  });

  test('strings with brackets, quotes and escapes split at every character do not confuse it', () => {
    const text = `{"log":{"comment":"[{\\"]","entries":[{"a":"}]\\\\"},{"b":[1,{"c":"\\"{"}]}],"pages":[]}}`;
    for (const size of [1, 2, 3, 5]) {
      const { entries, summary } = split(text, size);
      assert.deepEqual(entries.map((e) => e.text), ['{"a":"}]\\\\"}', '{"b":[1,{"c":"\\"{"}]}']);
      assert.deepEqual(summary.fields, { comment: '"[{\\"]"', pages: '[]' });
    }
  });

  test('keeps the members of log as JSON text, before and after the entries', () => {
    const text = '{ "log" : {\n  "version" : "1.2" ,\n  "creator": {"name": "WebInspector", "version": "537.36"},\n  "entries": [ ],\n  "pages": [{"id": "p1"}], "comment": null\n}\n}';
    const { entries, summary } = split(text, 4);
    assert.deepEqual(entries, []);
    assert.deepEqual(summary, {
      foundEntries: true, count: 0, nonObjects: [], notes: [], bytes: text.length,
      fields: { version: '"1.2"', creator: '{"name": "WebInspector", "version": "537.36"}', pages: '[{"id": "p1"}]', comment: 'null' },
    });
  });

  test('counts lines across chunks: \\r\\n split between chunks is one break, a lone \\r is one', () => {
    const text = '{"log":{\r\n"entries":[\r\r\n  {"a":1},\n\t{"b":2}]}}';
    for (const size of SIZES) {
      const { entries } = split(text, size === Infinity ? text.length : size);
      assert.deepEqual(entries.map((e) => [e.offset, e.line, e.column]), [[26, 4, 3], [36, 5, 2]], `chunks of ${size}`);
    }
  });

  test('byte offsets count UTF-8 bytes, with or without the chunk byte lengths from the caller', () => {
    const text = '{"log":{"comment":"ä€😀","entries":[{"u":"ö"},{"v":"😀"}]}}';
    const enc = new TextEncoder();
    for (const size of [1, 3, 8, 100]) {
      const a = new HarSplitter(), b = new HarSplitter();
      const got: number[][] = [[], []];
      for (let i = 0, j = 0; i < text.length; i = j) {
        j = Math.min(text.length, i + size);
        if (/[\ud800-\udbff]/.test(text[j - 1])) j++; // the caller's chunks come from whole UTF-8 characters
        const chunk = text.slice(i, j);
        got[0].push(...a.push(chunk).map((e) => e.byteOffset));
        got[1].push(...b.push(chunk, enc.encode(chunk).length).map((e) => e.byteOffset));
      }
      const want = [text.indexOf('{"u"'), text.indexOf('{"v"')].map((o) => enc.encode(text.slice(0, o)).length);
      assert.deepEqual(got, [want, want], `chunks of ${size}`);
      assert.deepEqual([a.end().bytes, b.end().bytes], [enc.encode(text).length, enc.encode(text).length]);
    }
  });

  test('non-object elements are counted and skipped; indexes stay those of log.entries', () => {
    const { entries, summary } = split('{"log":{"entries":[7, "x,{", [ {"in":1} ], {"ok":true}, null]}}', 3);
    assert.deepEqual(entries.map((e) => [e.index, e.text]), [[3, '{"ok":true}']]);
    assert.deepEqual(summary.nonObjects, [0, 1, 2, 4]);
    assert.equal(summary.count, 5);
  });

  test('a truncated stream: complete entries come out, the cut entry is named', () => {
    const text = '{"log":{"entries":[{"a":1},{"b":"}';
    const { entries, summary } = split(text, 2);
    assert.deepEqual(entries.map((e) => e.text), ['{"a":1}']);
    assert.deepEqual(summary.truncated, { offset: text.length, entry: 1 });
  });

  test('"entries" outside log, or a root that is not an object, is not found', () => {
    assert.equal(split('{"data":{"entries":[{"a":1}]}}', 5).summary.foundEntries, false);
    assert.equal(split('[{"log":{"entries":[{"a":1}]}}]', 5).summary.foundEntries, false);
    assert.deepEqual(split('{"log":{"creator":{"entries":[{"a":1}]},"entries":[{"b":2}]}}', 5).entries.map((e) => e.text), ['{"b":2}']);
  });

  test('an entry over maxEntryChars is skipped with a note; the next one is kept', () => {
    const big = JSON.stringify({ body: 'x'.repeat(200) });
    const { entries, summary } = split(`{"log":{"entries":[${big},{"s":1}],"comment":"${'y'.repeat(50)}"}}`, 16, { maxEntryChars: 100, maxFieldChars: 20 });
    assert.deepEqual(entries.map((e) => [e.index, e.text]), [[1, '{"s":1}']]);
    assert.deepEqual(summary.notes, ['entry 0 is larger than 100 characters: skipped', 'log field "comment" is larger than 20 characters: skipped']);
    assert.equal(summary.count, 2);
    assert.deepEqual(summary.fields, {});
  });

  test('splitHar over an async chunk source yields the entries and returns the summary', async () => {
    async function* chunks() { yield '\ufeff{"log":{"version":"1.2","entr'; yield 'ies":[{"a":1},'; yield '{"b":2}]}}'; }
    const it = splitHar(chunks());
    const got: string[] = [];
    let r = await it.next();
    while (!r.done) { got.push(`${r.value.index}@${r.value.offset}:${r.value.text}`); r = await it.next(); }
    assert.deepEqual(got, ['0@36:{"a":1}', '1@44:{"b":2}']);
    assert.deepEqual(r.value.fields, { version: '"1.2"' });
  });
});

suite('har.stream: streamed analysis (CLI analyzeHarFile) equals analyzeHar', () => {
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

  test('every fixture HAR, read in 7-byte and 1 MiB chunks, gives the report analyzeHar gives on the whole text', async () => {
    const ring = await demoRing();
    const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.har') && !f.startsWith('not-')), 'ftn-login.har'];
    for (const name of files) {
      const file = name === 'ftn-login.har' ? path.join(ROOT, 'examples', name) : path.join(FIXTURES, name);
      const opts = { keys: ring, now: HAR_NOW, file: name, clientId: 'demo-client' };
      const want = plain(await analyzeHar(readFileSync(file, 'utf8'), opts));
      assert.deepEqual(plain(await analyzeHarChunks(fileChunks(file, 7), opts)), want, `${name} in 7-byte chunks`);
      assert.deepEqual(plain(await analyzeHarFile(file, opts)), want, name);
    }
  });

  test('a token is placed by line, column and offset in the whole file', async () => {
    const file = path.join(ROOT, 'examples/ftn-login.har');
    const text = readFileSync(file, 'utf8');
    const report = await analyzeHarChunks(fileChunks(file, 5), { now: HAR_NOW });
    assert.ok(report.tokens.length >= 5);
    for (const t of report.tokens) {
      assert.equal(text.slice(t.location.offset, t.location.offset + t.location.length), t.raw);
      assert.deepEqual({ line: t.location.line, column: t.location.column }, positionAt(text, t.location.offset));
    }
  });

  test('damage: bad entries become the notes analyzeHar writes; nothing readable throws the same HarReadError', async () => {
    const good = JSON.stringify({ startedDateTime: '2026-11-02T10:00:00.000Z', request: { method: 'GET', url: 'https://ä.example/' }, response: { status: 200 } });
    const text = `{"log":{"entries":[5,{"request":{}},{"x":tru},${good},{"request":{"url":"https://b`;
    const chunks = [...text].map((c) => ({ text: c, bytes: new TextEncoder().encode(c).length }));
    const streamed = await analyzeHarChunks(chunks, { now: HAR_NOW });
    const whole = await analyzeHar(text, { now: HAR_NOW });
    assert.deepEqual(streamed.notes, whole.notes);
    assert.deepEqual(streamed.notes, [
      'entry 0 is not an object: skipped',
      'entry 1 has no "request.url" string: skipped',
      `entry 2 is not valid JSON at byte offset ${text.indexOf('tru}') + 3}: skipped`,
      `har is truncated at byte offset ${new TextEncoder().encode(text).length} (end of input inside entry 4); 1 complete entry was analysed`,
    ]);
    await assert.rejects(analyzeHarChunks(['{"log":{"entries":[{"request":'], {}), (e: Error) => e instanceof HarReadError &&
      e.message === 'har is truncated at byte offset 30 (end of input inside entry 0); no complete entry');
    await assert.rejects(analyzeHarChunks(['{"log":{"pages":[]}}'], {}), { name: 'HarReadError', message: 'not a HAR: missing "log.entries" array' });
  });

  test('looksLikeHarFile sniffs the first bytes only', async () => {
    assert.equal(await looksLikeHarFile(path.join(ROOT, 'examples/ftn-login.har')), true);
    assert.equal(await looksLikeHarFile(path.join(ROOT, 'examples/demo-keys/README.md')), false);
  });
});
