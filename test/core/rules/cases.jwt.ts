/** Failing cases of the generic JWT-* rules. */
import type { Case } from './fixtures';
import { NOW, cleanAssertion, cleanIdToken, cleanRequestObject, modulus } from './fixtures';

const generic = () => { const b = cleanAssertion(); b.ctx.profile = 'generic'; return b; };
const H = (t: { header: Record<string, unknown> | null }) => t.header!;
const P = (t: { payload: Record<string, unknown> | null }) => t.payload!;

export const JWT_CASES: Case[] = [
  { rule: 'JWT-NONE', name: 'alg none', base: cleanAssertion, mut: (t) => { H(t).alg = 'none'; }, severity: 'error', msg: '"alg" is "none": the token is not signed' },
  { rule: 'JWT-HS-CONFUSION', name: 'HS256 client assertion', base: cleanAssertion, mut: (t) => { H(t).alg = 'HS256'; }, severity: 'error', msg: '"alg" is "HS256" but a client_assertion is signed with an asymmetric key' },
  { rule: 'JWT-FORMAT', name: 'decode error', base: cleanAssertion, mut: (t) => { t.error = { code: 'ERR_BASE64URL', message: 'payload segment is not valid base64url at character 17', segment: 'payload' }; }, severity: 'error', msg: 'payload segment is not valid base64url at character 17' },
  { rule: 'JWT-FORMAT', name: 'no header at all', base: cleanAssertion, mut: (t) => { t.header = null; t.error = { code: 'ERR_SEGMENTS', message: 'expected 3 or 5 segments, got 2' }; }, severity: 'error', msg: 'expected 3 or 5 segments, got 2' },
  { rule: 'JWT-DUP', name: 'duplicate header member', base: cleanAssertion, mut: (_t, c) => { c.duplicates = { header: ['alg'], payload: [] }; }, severity: 'error', msg: '"alg" appears more than once in the header' },
  { rule: 'JWT-DUP', name: 'duplicate claim', base: cleanAssertion, mut: (_t, c) => { c.duplicates = { header: [], payload: ['sub'] }; }, severity: 'error', msg: '"sub" appears more than once in the claims' },
  { rule: 'JWT-NUMDATE', name: 'string exp', base: cleanAssertion, mut: (t) => { P(t).exp = '1700000120'; }, severity: 'error', msg: '"exp" is "1700000120", not a JSON number of seconds (NumericDate)' },
  { rule: 'JWT-NUMDATE', name: 'milliseconds iat', base: cleanAssertion, mut: (t) => { P(t).iat = NOW * 1000; }, severity: 'warning', msg: '"iat" is 1700000000000: larger than 10^11, likely milliseconds' },
  { rule: 'JWT-EXP-MISSING', name: 'client assertion (generic profile)', base: generic, mut: (t) => { delete P(t).exp; }, severity: 'error', msg: '"exp" claim is missing: the token never expires and a client_assertion requires it' },
  { rule: 'JWT-EXP-MISSING', name: 'access token', base: generic, mut: (t, c) => { c.kind = 'access_token'; delete P(t).exp; }, severity: 'warning', msg: '"exp" claim is missing: the token never expires' },
  { rule: 'JWT-TIME', name: 'expired', base: generic, mut: (t) => { P(t).exp = NOW - 120; }, severity: 'error', msg: '"exp" is 1699999880 (2023-11-14T22:11:20Z), 120 s before the reference time: the token has expired (skew 60 s)' },
  { rule: 'JWT-TIME', name: 'nbf in the future', base: generic, mut: (t) => { P(t).nbf = NOW + 120; }, severity: 'error', msg: '120 s after the reference time: the token is not yet valid' },
  { rule: 'JWT-TIME', name: 'iat in the future', base: generic, mut: (t) => { P(t).iat = NOW + 120; }, severity: 'warning', msg: '"iat" is 1700000120 (2023-11-14T22:15:20Z), 120 s after the reference time: issued in the future' },
  { rule: 'JWT-TIME', name: 'expired access token under an FTN profile', base: cleanAssertion, mut: (t, c) => { c.kind = 'access_token'; P(t).exp = NOW - 61; }, severity: 'error', msg: '61 s before the reference time: the token has expired' },
  { rule: 'JWT-LONG', name: 'client assertion over 60 min (generic)', base: generic, mut: (t) => { P(t).exp = NOW + 7200; }, severity: 'warning', msg: '"exp" is 7200 s after "iat": best practice keeps a client_assertion under 60 min' },
  { rule: 'JWT-LONG', name: 'any token over 24 h', base: cleanAssertion, mut: (t, c) => { c.kind = 'access_token'; P(t).exp = NOW + 2 * 86400; }, severity: 'warning', msg: '"exp" is 172800 s after "iat": best practice keeps a token under 24 h' },
  { rule: 'JWT-CRIT', name: 'empty crit', base: cleanAssertion, mut: (t) => { H(t).crit = []; }, severity: 'error', msg: '"crit" in the header must be a non-empty array of strings, got []' },
  { rule: 'JWT-CRIT', name: 'registered name', base: cleanAssertion, mut: (t) => { H(t).crit = ['alg']; }, severity: 'error', msg: '"crit" in the header lists the registered name "alg"' },
  { rule: 'JWT-CRIT', name: 'absent name', base: cleanAssertion, mut: (t) => { H(t).crit = ['ext']; }, severity: 'error', msg: '"crit" in the header lists "ext" but the header has no such parameter' },
  { rule: 'JWT-CRIT', name: 'unknown extension', base: cleanAssertion, mut: (t) => { H(t).crit = ['ext']; H(t).ext = 1; }, severity: 'error', msg: '"crit" in the header lists the unknown extension "ext"' },
  { rule: 'JWT-ZIP', name: 'zip in a JWS', base: cleanAssertion, mut: (t) => { H(t).zip = 'DEF'; }, severity: 'warning', msg: '"zip" in a JWS header is not defined for JWS' },
  { rule: 'JWT-ZIP', name: 'unknown zip', base: cleanIdToken, mut: (t) => { H(t).zip = 'GZIP'; }, severity: 'error', msg: '"zip" in the header is "GZIP"; the only registered value is "DEF"' },
  { rule: 'JWT-ZIP', name: 'zip in a JWE request object', base: cleanIdToken, mut: (t, c) => { c.kind = 'request_object'; H(t).zip = 'DEF'; }, severity: 'warning', msg: '"zip" is "DEF": compressing before encryption can leak plaintext length' },
  { rule: 'JWT-PBES2', name: 'PBES2 in an FTN token', base: cleanIdToken, mut: (t, c) => { c.kind = 'logout_token'; Object.assign(H(t), { alg: 'PBES2-HS256+A128KW', p2c: 2000 }); }, severity: 'warning', msg: '"alg" is "PBES2-HS256+A128KW": password-based encryption in an FTN token' },
  { rule: 'JWT-PBES2', name: 'p2c too high', base: cleanIdToken, mut: (t) => { Object.assign(H(t), { alg: 'PBES2-HS256+A128KW', p2c: 1_000_000 }); }, severity: 'warning', msg: '"p2c" is 1000000, above 10000' },
  { rule: 'JWT-PBES2', name: 'p2c too low', base: cleanIdToken, mut: (t, c) => { c.profile = 'generic'; Object.assign(H(t), { alg: 'PBES2-HS256+A128KW', p2c: 10 }); }, severity: 'warning', msg: '"p2c" is 10, below 1000' },
  { rule: 'JWT-EMBEDDED-KEY', name: 'jku header', base: cleanAssertion, mut: (t) => { H(t).jku = 'https://evil.example/jwks'; }, severity: 'warning', msg: 'the header carries "jku": never trust a key the token brings' },
  { rule: 'JWT-EMBEDDED-KEY', name: 'jwk in the nested header', base: cleanIdToken, mut: (t) => { t.nested!.header!.jwk = { kty: 'RSA', n: modulus(2048), e: 'AQAB' }; }, severity: 'warning', msg: 'the nested header carries "jwk"' },
  { rule: 'JWT-KID-INJECT', name: 'path traversal', base: cleanAssertion, mut: (t) => { H(t).kid = '../../dev/null'; }, severity: 'warning', msg: '"kid" in the header is "../../dev/null": it holds path, URL or SQL metacharacters; best practice' },
  { rule: 'JWT-KID-INJECT', name: 'SQL', base: cleanAssertion, mut: (t) => { H(t).kid = "x' UNION SELECT 1 --"; }, severity: 'warning', msg: 'path, URL or SQL metacharacters' },
  { rule: 'JWT-TYP', name: 'access token type on a request object', base: cleanRequestObject, mut: (t) => { H(t).typ = 'at+jwt'; }, severity: 'warning', msg: '"typ" in the header is "at+jwt", the type of a access_token, but the token stands where a request_object belongs' },
  { rule: 'JWT-OPAQUE', name: 'Telia access token', base: cleanIdToken, mut: (t, c) => { c.kind = 'access_token'; t.header = { alg: 'dir', enc: 'A128CBC-HS256', zip: 'DEF' }; t.decryption = { status: 'no-key' }; t.payload = null; t.nested = null; }, severity: 'info', msg: 'access_token is a JWE with "alg": "dir" ("A128CBC-HS256", "zip": "DEF"): opaque to the client' },
  { rule: 'JWT-PAYLOAD-HIDDEN', name: 'JWE without a key', base: cleanIdToken, mut: (t) => { t.decryption = { status: 'no-key' }; t.payload = null; t.nested = null; }, severity: 'info', msg: 'payload not inspected: no key decrypted it; only header rules ran' },
  { rule: 'JWT-SIG', name: 'invalid signature', base: cleanAssertion, mut: (t) => { t.signature = { status: 'invalid', kid: 'sig-1', message: 'signature does not match' }; }, severity: 'error', msg: 'signature verification failed with key "sig-1": signature does not match' },
  { rule: 'JWT-DECRYPT', name: 'decryption failed', base: cleanIdToken, mut: (t) => { t.decryption = { status: 'failed', kid: 'enc-1', message: 'decryption operation failed' }; t.payload = null; t.nested = null; }, severity: 'error', msg: 'decryption failed with key "enc-1": decryption operation failed' },
];
