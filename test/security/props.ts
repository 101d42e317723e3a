/**
 * The robustness properties, shared by props.test.ts (10 000 runs, fixed seed) and props.fuzz.ts
 * (100 000+ runs, random or FUZZ_SEED seed): every parser takes hostile input and answers with data
 * or its own documented error type, never another exception, never a hang.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeHar, analyzeText, decodeToken, HarReadError, importKeys, KeyImportError, scanText } from '../../src/core';
import { sanitizeHar } from '../../src/core/har/har.sanitize';
import { judgedText, keyInput, scanInput, tokenish } from './gens';

const DECODE_CODES = new Set(['ERR_SEGMENTS', 'ERR_BASE64URL', 'ERR_UTF8', 'ERR_JSON', 'ERR_NOT_OBJECT', 'ERR_MISSING_ALG', 'ERR_MISSING_ENC', 'ERR_TOO_LARGE']);
const NOW = 1793613600;

/** scanText: an array of tokens whose offsets, lengths, lines and columns point into the text. */
export const scanProperty = fc.property(scanInput, (text) => {
  const found = scanText(text, { maxTokenLength: 4096 });
  let last = -1;
  for (const f of found) {
    assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `span ${f.offset}+${f.length} outside a text of ${text.length}`);
    assert.ok(f.offset >= last, 'tokens are in text order');
    last = f.offset;
    assert.ok(f.token.length <= 4096, 'maxTokenLength is honoured');
    const before = text.slice(0, f.offset);
    assert.equal(f.line, before.split(/\r\n|\r|\n/).length, `line of the token at ${f.offset}`);
    if (f.serialization === 'compact' && !text.slice(f.offset, f.offset + f.length).includes('%')) {
      assert.equal(text.slice(f.offset, f.offset + f.length), f.token, 'the span is the token');
    }
    assert.ok(f.format === 'JWS' || f.format === 'JWE');
  }
});

/** decodeToken: a decoded token or a DecodeError with a known code and a lowercase message; serialisable. */
export const decodeProperty = fc.property(tokenish, (raw) => {
  const d = decodeToken(raw);
  if ('error' in d && d.error) {
    assert.ok(DECODE_CODES.has(d.error.code), `unknown code ${d.error.code}`);
    assert.equal(typeof d.error.message, 'string');
    assert.ok(d.error.message.length > 0 && d.error.message.length < 2000, `message length ${d.error.message.length}`);
  } else {
    assert.ok(d.format === 'JWS' || d.format === 'JWE');
    assert.equal(typeof (d as { header: unknown }).header, 'object');
  }
  JSON.stringify(d, (_k, v) => (v instanceof Uint8Array ? v.length : v));
});

/** importKeys: keys, or a KeyImportError — never a TypeError, RangeError or a WebCrypto DOMException. */
export const importProperty = fc.asyncProperty(keyInput, fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), async (input, passphrase) => {
  try {
    const keys = await importKeys(input, { passphrase });
    assert.ok(Array.isArray(keys) && keys.length > 0);
    for (const k of keys) assert.equal(typeof k.description.thumbprint, 'string');
  } catch (e) {
    if (!(e instanceof KeyImportError)) throw new Error(`importKeys threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
    assert.ok(e.message.length > 0);
  }
});

/** analyzeText over every rule: claims and headers of any JSON type in every context; a serialisable report. */
export const pipelineProperty = fc.asyncProperty(fc.oneof(judgedText, scanInput), async (text) => {
  const report = await analyzeText(text, { now: NOW, clientId: 'demo-client', issuer: 'https://demo.idura.broker' });
  assert.equal(report.summary.tokens, report.tokens.length);
  for (const t of report.tokens) for (const f of t.findings) assert.ok(typeof f.rule === 'string' && typeof f.message === 'string' && f.message.length > 0);
  JSON.stringify(report);
});

/** analyzeHar: a JSON-serialisable report, or a HarReadError. */
export function harProperty(hars: fc.Arbitrary<string>) {
  return fc.asyncProperty(hars, async (text) => {
    try {
      const report = await analyzeHar(text, { now: NOW });
      assert.equal(report.version, 1);
      assert.equal(report.summary.tokens, report.tokens.length);
      assert.deepEqual(JSON.parse(JSON.stringify(report)).summary, report.summary);
    } catch (e) {
      if (!(e instanceof HarReadError)) throw new Error(`analyzeHar threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
    }
  });
}

/** sanitizeHar: valid JSON in which scanText finds none of the input's tokens, or a HarReadError. */
export function sanitizeProperty(hars: fc.Arbitrary<string>) {
  const mode = fc.constantFrom('remove', 'pseudonym') as fc.Arbitrary<'remove' | 'pseudonym'>;
  return fc.asyncProperty(hars, mode, async (text, m) => {
    let out: { text: string };
    try {
      out = await sanitizeHar(text, { mode: m });
    } catch (e) {
      if (!(e instanceof HarReadError)) throw new Error(`sanitizeHar threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
      return;
    }
    JSON.parse(out.text);
    const before = new Set(scanText(text).map((t) => t.token));
    for (const t of scanText(out.text)) assert.ok(!before.has(t.token), `token survived sanitising: ${t.token.slice(0, 60)}`);
  });
}
