/**
 * Smart generators for the security properties (test/security/*.test.ts, 10 000 runs each) and the
 * fuzzers (*.fuzz.ts, 100 000+ runs): mutated real tokens, random base64url segments with dots,
 * JSON-ish headers, truncated and mangled HARs, deep nesting, huge numbers, unicode, lone surrogates.
 * Every generator is cheap, so one property stays within a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

/** Real tokens: every FTN fixture and every token in the example trace. */
export const REAL_TOKENS: string[] = (() => {
  const dir = 'test/fixtures/ftn';
  const files = readdirSync(path.join(ROOT, dir)).filter((f) => /\.(jwt|jwe)$/.test(f));
  const out = files.map((f) => read(`${dir}/${f}`).trim());
  const har = read('examples/ftn-login.har');
  for (const m of har.matchAll(/eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}/g)) out.push(m[0]);
  return [...new Set(out)];
})();

/** Real key files (PEM text) from test/fixtures/keys and the demo JWKs. */
export const REAL_KEYS: string[] = (() => {
  const dir = 'test/fixtures/keys';
  const pems = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.pem')).map((f) => read(`${dir}/${f}`));
  const jwks = readdirSync(path.join(ROOT, 'examples/demo-keys')).filter((f) => f.endsWith('.json')).map((f) => read(`examples/demo-keys/${f}`));
  return [...pems, ...jwks];
})();

/** The example HAR trace. */
export const REAL_HAR = read('examples/ftn-login.har');

/** Any UTF-16 string: ASCII, the BMP (lone surrogates included) and astral code points. Cheaper than uni(10). */
export function uni(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  const code = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0x10000, max: 0x10ffff }));
  return fc.array(code, { minLength, maxLength }).map((cs) => cs.map((c) => (c > 0xffff ? String.fromCodePoint(c) : String.fromCharCode(c))).join(''));
}

/** Awkward single characters: delimiters, escapes, controls, bidi, lone surrogates, astral. */
const NASTY = ['.', '%', '%2E', '%2e', '"', '\\', '{', '}', '[', ']', ':', ',', '=', '&', '?', '#', ' ', '\n', '\r', '\t', '\u0000',
  '\u001b', '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', '\udfff', '😀', 'e', 'y', 'J', '-', '_', '+', '/', '==', 'eyJ', '\\"'];

/** One character or short string from the awkward set, the base64url alphabet or all of unicode. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: uni(3, 1), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), weight: 2 },
);

/** One edit: [operation, position seed, piece, length]. */
type Edit = [number, number, string, number];
const edit: fc.Arbitrary<Edit> = fc.tuple(fc.nat({ max: 5 }), fc.nat(), piece, fc.nat({ max: 64 }));

/** Applies edits: insert, replace, delete a slice, truncate, duplicate a slice, upper-case a character. */
export function applyEdits(s: string, edits: Edit[]): string {
  for (const [op, seed, p, k] of edits) {
    const i = seed % (s.length + 1);
    const j = (seed >>> 7) % (s.length + 1);
    if (op === 0) s = s.slice(0, i) + p + s.slice(i);
    else if (op === 1) s = s.slice(0, i) + p + s.slice(i + 1);
    else if (op === 2) s = s.slice(0, i) + s.slice(i + k);
    else if (op === 3) s = s.slice(0, i);
    else if (op === 4) s = s.slice(0, Math.max(i, j)) + s.slice(Math.min(i, j));
    else s = s.slice(0, i) + (s[i] ?? '').toUpperCase() + s.slice(i + 1);
  }
  return s;
}

/** 1–4 edits of a value of `base`. */
export function mutateOf(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([s, e]) => applyEdits(s, e));
}

/** 1–4 edits of one of `corpus`. */
export function mutated(corpus: string[]): fc.Arbitrary<string> {
  return mutateOf(fc.constantFrom(...corpus));
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Hostile JSON texts: deep nesting, huge numbers, big exponents, escapes, duplicates, __proto__. */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: 2000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  fc.nat({ max: 2000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  fc.nat({ max: 600 }).map((d) => '{"alg":"RS256","x":' + '['.repeat(d)),
  fc.constantFrom('1e999999', '-0', '123456789012345678901234567890', '-1e-400', '0.0000000000000000000000001', 'NaN', 'Infinity'),
  fc.constantFrom('{"alg":"RS256","alg":"none"}', '{"__proto__":{"alg":"none"},"alg":"RS256"}', '{"constructor":{"prototype":{"x":1}},"alg":"HS256"}',
    '{"alg":"\\ud800"}', '{"alg":"RS256","exp":1e309}', '{"alg":"none","crit":["__proto__"]}', '{"alg":"A","enc":{}}', '{"alg":null}', '{}', '[]', '""', 'null'),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);

/** JSON-ish protected headers: the registered members with plausible and hostile values. */
export const header: fc.Arbitrary<string> = fc.oneof(
  fc.record({
    alg: fc.oneof(fc.constantFrom('RS256', 'HS256', 'none', 'None', 'ES256', 'PS256', 'EdDSA', 'RSA-OAEP', 'RSA-OAEP-256', 'dir', 'A128KW',
      'ECDH-ES', 'PBES2-HS256+A128KW', 'RSA1_5'), fc.string(), fc.integer()),
    enc: fc.option(fc.constantFrom('A128CBC-HS256', 'A256GCM', 'A128GCM', 'X'), { nil: undefined }),
    kid: fc.option(fc.oneof(uni(10), fc.constantFrom('../../etc/passwd', "' OR 1=1 --")), { nil: undefined }),
    zip: fc.option(fc.constantFrom('DEF', 'GZ'), { nil: undefined }),
    p2c: fc.option(fc.oneof(fc.integer(), fc.constant(1e21), fc.double()), { nil: undefined }),
    crit: fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined }),
    b64: fc.option(fc.boolean(), { nil: undefined }),
    jku: fc.option(fc.constantFrom('http://127.0.0.1:9/jwks', 'https://evil.example/x?y=1', 'file:///etc/passwd', 'javascript:alert(1)'), { nil: undefined }),
    jwk: fc.option(fc.dictionary(fc.constantFrom('kty', 'n', 'e', 'crv', 'x', 'y', 'k'), fc.string()), { nil: undefined }),
  }, { requiredKeys: ['alg'] }).map((h) => JSON.stringify(h)),
  hostileJson,
);

/** A base64url segment: empty, random, or a base64url-encoded JSON text. */
export const segment: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.oneof(header, hostileJson, uni(40)).map(b64),
);

/** A compact-looking token: a header, then 2 or 4 (sometimes any number of) segments joined by dots. */
export const compactish: fc.Arbitrary<string> = fc.tuple(header.map(b64), fc.array(segment, { minLength: 0, maxLength: 6 }))
  .map(([h, rest]) => [h, ...rest].join('.'));

/** A JSON-serialisation-looking token with random members. */
export const jsonSerialization: fc.Arbitrary<string> = fc.record({
  protected: fc.option(header.map(b64), { nil: undefined }),
  header: fc.option(fc.oneof(fc.dictionary(fc.constantFrom('alg', 'kid', 'enc', '__proto__', 'constructor', 'toString'), fc.jsonValue({ maxDepth: 1 })), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }),
  unprotected: fc.option(fc.dictionary(fc.string(), fc.string()), { nil: undefined }),
  payload: fc.option(fc.oneof(segment, fc.jsonValue({ maxDepth: 1 })), { nil: undefined }),
  signature: fc.option(segment, { nil: undefined }),
  signatures: fc.option(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), { nil: undefined }),
  ciphertext: fc.option(segment, { nil: undefined }),
  iv: fc.option(segment, { nil: undefined }),
  tag: fc.option(segment, { nil: undefined }),
  recipients: fc.option(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), { nil: undefined }),
}, { requiredKeys: [] }).map((o) => JSON.stringify(o));

/** Any token-ish string. */
export const tokenish: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mutated(REAL_TOKENS), weight: 4 },
  { arbitrary: compactish, weight: 4 },
  { arbitrary: jsonSerialization, weight: 2 },
  { arbitrary: uni(80), weight: 1 },
);

/** Text around tokens: contexts the scanner looks back into (headers, query strings, JSON, HTML, percent-encoding). */
const prefix = fc.constantFrom('', 'Authorization: Bearer ', 'id_token=', '?request=', '#access_token=', '"id_token":"', '\\"id_token\\":\\"',
  '<input name="id_token" value="', 'Cookie: sid=', 'Set-Cookie: t=', 'code=x&client_assertion=', 'DPoP ', '%22', 'x'.repeat(600) + '=', '...');

/** Text that may hold tokens: pieces of tokens, contexts, noise, percent-encoding, huge runs. */
export const scanInput: fc.Arbitrary<string> = fc.array(fc.oneof(
  { arbitrary: fc.tuple(prefix, tokenish).map(([p, t]) => p + t), weight: 3 },
  { arbitrary: tokenish.map((t) => encodeURIComponent((t as string & { toWellFormed(): string }).toWellFormed()).replace(/\./g, (d) => (t.length % 2 ? '%2E' : d))), weight: 1 },
  { arbitrary: piece, weight: 3 },
  { arbitrary: fc.nat({ max: 3000 }).map((n) => 'eyJ'.repeat(n) + '.'), weight: 1 },
  { arbitrary: fc.nat({ max: 3000 }).map((n) => 'a.'.repeat(n)), weight: 1 },
  { arbitrary: fc.nat({ max: 1000 }).map((n) => '%2E'.repeat(n)), weight: 1 },
), { maxLength: 4 }).map((a) => a.join(''));

/** A small HAR entry holding tokens and hostile values in every field the locator reads. */
const harEntry: fc.Arbitrary<unknown> = fc.record({
  startedDateTime: fc.oneof(fc.constant('2026-11-02T10:00:00.000Z'), fc.string(), fc.constant(null)),
  request: fc.oneof(
    fc.record({
      method: fc.constantFrom('GET', 'POST', 'OPTIONS'),
      url: fc.oneof(fc.constantFrom('https://demo.idura.broker/oauth2/authorize?request=', 'https://app.example.com/callback#id_token=', 'https://demo.idura.broker/oauth2/token', 'not a url', '%%%')
        .chain((u) => tokenish.map((t) => u + t)), fc.constantFrom('http://127.0.0.1:9/jwks', 'https://evil.example/x?y=1', 'file:///etc/passwd', 'javascript:alert(1)')),
      headers: fc.array(fc.record({ name: fc.constantFrom('Authorization', 'Cookie', 'DPoP', 'X', ''), value: fc.oneof(tokenish, fc.string()) }), { maxLength: 2 }),
      queryString: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), value: tokenish }), { maxLength: 2 }),
      postData: fc.option(fc.record({
        mimeType: fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', ''),
        text: fc.oneof(tokenish.map((t) => `client_assertion=${t}&code=abc`), tokenish.map((t) => JSON.stringify({ id_token: t })), hostileJson),
        params: fc.option(fc.array(fc.record({ name: fc.string(), value: fc.option(tokenish, { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
      }, { requiredKeys: ['text'] }), { nil: undefined }),
      cookies: fc.option(fc.array(fc.record({ name: fc.string(), value: tokenish }), { maxLength: 1 }), { nil: undefined }),
    }, { requiredKeys: ['method', 'url'] }),
    fc.jsonValue({ maxDepth: 1 }),
  ),
  response: fc.option(fc.record({
    status: fc.oneof(fc.constantFrom(200, 302, 400), fc.integer(), fc.string()),
    headers: fc.array(fc.record({ name: fc.constantFrom('Location', 'Content-Type', 'Set-Cookie'), value: fc.oneof(tokenish, fc.string()) }), { maxLength: 2 }),
    content: fc.record({
      mimeType: fc.constantFrom('application/json', 'application/jwt', 'text/html', ''),
      text: fc.oneof(tokenish, tokenish.map((t) => JSON.stringify({ id_token: t, access_token: t })), tokenish.map(b64), hostileJson),
      encoding: fc.option(fc.constantFrom('base64', 'gzip'), { nil: undefined }),
      size: fc.option(fc.integer(), { nil: undefined }),
    }, { requiredKeys: ['text'] }),
  }, { requiredKeys: [] }), { nil: undefined }),
}, { requiredKeys: ['request'] });

/** HAR texts: generated small traces, truncated or mutated real traces, nesting bombs, not-HARs. */
export const harText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(fc.oneof({ arbitrary: harEntry, weight: 5 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 }), { maxLength: 3 })
    .map((entries) => JSON.stringify({ log: { version: '1.2', creator: { name: 'fuzz' }, entries } })), weight: 6 },
  { arbitrary: fc.nat({ max: REAL_HAR.length }).map((n) => REAL_HAR.slice(0, n)), weight: 1 },
  { arbitrary: fc.tuple(tokenish, fc.jsonValue({ maxDepth: 1 })).map(([t, v]) => JSON.stringify({ log: { comment: t, pages: [{ title: t }], entries: [{ request: { method: 'GET', url: 'https://x.example/' }, _vendor: { [t]: v, list: [t] } }] } })), weight: 1 },
  { arbitrary: fc.nat({ max: 3000 }).map((d) => `{"log":{"entries":[${'['.repeat(d)}`), weight: 1 },
  { arbitrary: fc.nat({ max: 3000 }).map((d) => `{"log":{"entries":[{"request":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}]}}`), weight: 1 },
  { arbitrary: fc.oneof(hostileJson, uni(60)), weight: 1 },
  { arbitrary: fc.constantFrom('\ufeff{"log":{"entries":[]}}', '{"log":{"entries":{}}}', '{"log":null}', '{"log":{"entries":[1,"x",null,[],{}]}}',
    '{"log":{"entries":[{"request":{"url":"x","method":"GET"},"response":{"content":{"text":"%%%","encoding":"base64"}}}]}}'), weight: 1 },
);

/** Cheap HARs for the 10 000-run unit properties: small generated traces (one token field each), slices of the real trace's first entries, bombs. */
export const harLight: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(fc.record({
    startedDateTime: fc.constantFrom('2026-11-02T10:00:00.000Z', 'x'),
    request: fc.record({ method: fc.constantFrom('GET', 'POST'), url: fc.tuple(fc.constantFrom('https://demo.idura.broker/oauth2/authorize?request=', 'https://app.example.com/cb#id_token=', '%%%', ''), compactish).map(([u, t]) => u + t),
      headers: fc.array(fc.record({ name: fc.constantFrom('Authorization', 'Cookie', 'X'), value: fc.oneof(compactish, uni(12)) }), { maxLength: 1 }) }),
    response: fc.record({ status: fc.oneof(fc.constant(200), fc.string({ maxLength: 3 })), content: fc.record({ mimeType: fc.constantFrom('application/json', 'application/jwt', ''),
      text: fc.oneof(compactish, compactish.map((t) => JSON.stringify({ id_token: t })), hostileJson, uni(20)), encoding: fc.option(fc.constant('base64'), { nil: undefined }) }, { requiredKeys: ['text'] }) }),
  }, { requiredKeys: ['request'] }), { maxLength: 2 }).map((entries) => JSON.stringify({ log: { version: '1.2', entries } })), weight: 6 },
  { arbitrary: mutateOf(fc.nat({ max: 3000 }).map((n) => REAL_HAR.slice(0, n))), weight: 2 },
  { arbitrary: fc.nat({ max: 2000 }).map((d) => `{"log":{"entries":[${'['.repeat(d)}`), weight: 1 },
  { arbitrary: fc.oneof(hostileJson, uni(40)), weight: 1 },
);

/** Mutations of small generated HARs and of slices of the real one (cheap: never the whole 25 KB trace mutated many times). */
export const harMutated: fc.Arbitrary<string> = fc.oneof(mutateOf(harText), mutateOf(fc.nat({ max: REAL_HAR.length }).map((n) => REAL_HAR.slice(0, n))));

/** Key-file-ish inputs: mutated real keys, random PEM blocks, random DER, JSON JWKs with hostile members. */
export const keyInput: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { arbitrary: mutated(REAL_KEYS), weight: 4 },
  { arbitrary: fc.tuple(fc.constantFrom('PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'ENCRYPTED PRIVATE KEY', 'X', ''),
    fc.uint8Array({ maxLength: 300 }), fc.constantFrom('', 'Proc-Type: 4,ENCRYPTED\n\n'))
    .map(([l, der, h]) => `-----BEGIN ${l}-----\n${h}${Buffer.from(der).toString('base64')}\n-----END ${l}-----\n`), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x30, ...b])), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom(0x02, 0x03, 0x04, 0x05, 0x06, 0x30, 0x31, 0xa0, 0x81, 0x82, 0x84, 0xff, 0x80), fc.uint8Array({ maxLength: 80 }))
    .map(([t, rest]) => Uint8Array.from([0x30, 0x82, 0xff, 0xff, t, ...rest])), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom('kty', 'n', 'e', 'd', 'p', 'q', 'crv', 'x', 'y', 'k', 'use', 'alg', 'kid', 'key_ops', 'oth', '__proto__'),
    fc.oneof(fc.constantFrom('RSA', 'EC', 'oct', 'OKP', 'P-256', 'Ed25519', 'AQAB', 'sig'), fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/), fc.jsonValue({ maxDepth: 1 })))
    .chain((k) => fc.constantFrom(JSON.stringify(k), JSON.stringify({ keys: [k] }), JSON.stringify({ keys: [k, 1] }))), weight: 2 },
  { arbitrary: fc.oneof(hostileJson, uni(60)), weight: 1 },
);

/** fast-check parameters: a fixed seed for the unit layer; for fuzzers FUZZ_SEED or a random one, printed. */
export function fuzzParams(numRuns: number, label: string): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : numRuns;
  console.log(`  fuzz ${label}: seed ${seed}, ${runs} runs (replay with FUZZ_SEED=${seed})`);
  return { seed, numRuns: runs, endOnFailure: true };
}

/** The fixed seed of the unit-layer properties. */
export const UNIT_SEED = 20261125;

const CLAIM_NAMES = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'nonce', 'acr', 'amr', 'auth_time', 'azp', 'at_hash', 'c_hash', 'sid', 'events',
  'client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'request', 'request_uri', 'login_hint', 'ftn_spname', 'hetu', 'cnf', 'max_age',
  'claims', 'typ', 'kid', 'alg', 'enc', 'zip', 'p2c', 'crit', 'jwk', 'x5c', 'cty', 'b64', 'epk', '__proto__', 'constructor'];
const claimValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('https://demo.idura.broker', 'demo-client', 1793613600, -1, 1e308, '131052-308T',
  'RS256', 'none', 'HS256', 'oauth-authz-req+jwt', [], {}, null, ''));

/** Tokens whose header and claims hold registered names with any JSON value, in the contexts that pick a token kind. */
export const judgedText: fc.Arbitrary<string> = fc.tuple(
  fc.dictionary(fc.constantFrom(...CLAIM_NAMES), claimValue, { maxKeys: 6 }),
  fc.dictionary(fc.constantFrom(...CLAIM_NAMES), claimValue, { maxKeys: 12 }),
  fc.constantFrom('id_token=', 'client_assertion=', 'request=', 'Authorization: Bearer ', 'logout_token=', '"userinfo":"', 'access_token=', ''),
  fc.boolean(),
).map(([h, c, ctx, jwe]) => {
  const head = b64(JSON.stringify(jwe ? { alg: 'RSA-OAEP', enc: 'A128GCM', ...h } : { alg: 'RS256', ...h }));
  return ctx + (jwe ? `${head}.AAAA.AAAA.AAAA.AAAA` : `${head}.${b64(JSON.stringify(c))}.AAAA`);
});
