/**
 * Generates the committed token fixtures: test/fixtures/ftn/*.jwt|*.jwe, their manifest.json and
 * README.md, from the demo keys in examples/demo-keys/ (created on first run; replaced only with
 * --new-keys). Usage: npx tsx scripts/gen-fixtures.ts [--new-keys]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_KEYS_DIR, createDemoKeys, loadDemoKeys, writeDemoKeys, type DemoKeys } from './fixtures/keys';
import { DEMO, accessToken, clientAssertion, idToken, logoutToken, requestObject, userinfo } from './fixtures/tokens';

/** The fixed reference instant of every fixture: 2026-11-02T10:00:00Z. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 2, 10, 0, 0) / 1000;

/** One fixture file as listed in manifest.json. */
export interface FixtureEntry {
  file: string;
  kind: 'client_assertion' | 'request_object' | 'id_token' | 'userinfo' | 'access_token' | 'logout_token';
  format: 'JWS' | 'JWE';
  description: string;
  /** Rule IDs this variant is built to violate (empty for clean tokens). */
  violates: string[];
}

type Spec = FixtureEntry & { make: (k: DemoKeys, now: number) => Promise<string> };

const SPECS: Spec[] = [
  { file: 'client-assertion.jwt', kind: 'client_assertion', format: 'JWS', violates: [], description: 'clean private_key_jwt assertion (aud = issuer, exp = now + 300, kid, jti)', make: (k, now) => clientAssertion(k, { now }) },
  { file: 'request-object.jwt', kind: 'request_object', format: 'JWS', violates: [], description: 'clean JAR request object (typ oauth-authz-req+jwt, acr_values loa2, nonce, state)', make: (k, now) => requestObject(k, { now }) },
  { file: 'id-token.jwe', kind: 'id_token', format: 'JWE', violates: [], description: 'clean ID token: RS256 JWS by the broker, encrypted RSA-OAEP-256 + A128CBC-HS256 to the client enc key', make: (k, now) => idToken(k, { now }) },
  { file: 'userinfo.jwe', kind: 'userinfo', format: 'JWE', violates: [], description: 'clean userinfo response, signed then encrypted', make: (k, now) => userinfo(k, { now }) },
  { file: 'access-token.jwt', kind: 'access_token', format: 'JWS', violates: [], description: 'access token, typ at+jwt, signed by the broker', make: (k, now) => accessToken(k, { now }) },
  { file: 'logout-token.jwt', kind: 'logout_token', format: 'JWS', violates: [], description: 'back-channel logout token, typ logout+jwt', make: (k, now) => logoutToken(k, { now }) },
  { file: 'client-assertion-expired.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-EXP-PAST'], description: 'assertion that expired 10 min before now (iat now - 900, exp now - 600)', make: (k, now) => clientAssertion(k, { now, claims: { iat: now - 900, exp: now - 600 } }) },
  { file: 'client-assertion-no-kid.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-KID'], description: 'assertion without a kid header', make: (k, now) => clientAssertion(k, { now, omit: ['header.kid'] }) },
  { file: 'client-assertion-no-jti.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-JTI'], description: 'assertion without a jti claim', make: (k, now) => clientAssertion(k, { now, omit: ['jti'] }) },
  { file: 'client-assertion-alg-none.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-ALG-NONE', 'JWT-NONE'], description: 'unsecured assertion, alg none, empty signature', make: (k, now) => clientAssertion(k, { now, header: { alg: 'none' }, omit: ['header.kid'] }) },
  { file: 'client-assertion-hs256.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-ALG-NONE', 'JWT-HS-CONFUSION'], description: 'assertion MACed with HS256 (client_secret_jwt style)', make: (k, now) => clientAssertion(k, { now, header: { alg: 'HS256' }, omit: ['header.kid'] }) },
  { file: 'client-assertion-wrong-aud.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-AUD-VAL'], description: 'assertion whose aud is https://rp.example.net/token, neither issuer nor token endpoint', make: (k, now) => clientAssertion(k, { now, claims: { aud: 'https://rp.example.net/token' } }) },
  { file: 'client-assertion-long-lived.jwt', kind: 'client_assertion', format: 'JWS', violates: ['FTN-CA-LIFE60', 'FTN-CA-LIFE5', 'JWT-LONG'], description: 'assertion valid for 2 hours (exp = now + 7200)', make: (k, now) => clientAssertion(k, { now, claims: { exp: now + 7200 } }) },
  { file: 'id-token-jws-hetu.jwt', kind: 'id_token', format: 'JWS', violates: ['FTN-IDT-JWE'], description: 'ID token sent signed only (not encrypted) although it carries a HETU and names', make: (k, now) => idToken(k, { now, encrypt: false }) },
  { file: 'id-token-expired.jwe', kind: 'id_token', format: 'JWE', violates: ['FTN-IDT-EXP'], description: 'encrypted ID token whose inner exp is 5 min before now', make: (k, now) => idToken(k, { now, claims: { iat: now - 900, exp: now - 300, auth_time: now - 930 } }) },
  { file: 'id-token-wrong-aud.jwe', kind: 'id_token', format: 'JWE', violates: ['FTN-IDT-AUD'], description: 'encrypted ID token for another client (aud other-client)', make: (k, now) => idToken(k, { now, claims: { aud: 'other-client' } }) },
  { file: 'request-object-alg-none.jwt', kind: 'request_object', format: 'JWS', violates: ['FTN-RO-SIGNED', 'JWT-NONE'], description: 'unsigned request object (alg none)', make: (k, now) => requestObject(k, { now, header: { alg: 'none' }, omit: ['header.kid'] }) },
];

const README_HEAD = `# FTN token fixtures

Generated by \`npx tsx scripts/gen-fixtures.ts\` from the DEMO keys in examples/demo-keys/
(never use them for anything real). All personal data is synthetic (HETU ${DEMO.hetu} is DVV's example).
Regenerating rewrites these files; JWEs differ on every run (RSA-OAEP is randomised), JWSs do not.

- Reference time: **${new Date(FIXTURE_NOW * 1000).toISOString()}** = ${FIXTURE_NOW} (\`now\` in manifest.json);
  judge the fixtures with that \`now\` (\`ftn-inspect --now ${FIXTURE_NOW}\`).
- Flow: issuer \`${DEMO.issuer}\`, client_id \`${DEMO.clientId}\`, token endpoint \`${DEMO.tokenEndpoint}\`,
  redirect \`${DEMO.redirectUri}\`, nonce \`${DEMO.nonce}\`.
- Decrypt JWEs with examples/demo-keys/client-enc.private.jwk.json; verify broker tokens with
  broker-sig.public.jwks.json and client tokens with client.public.jwks.json.
- \`mixed.log\`: a log excerpt with three tokens (assertion, request object, ID token) on known lines.
- \`kind\` is what each token is built to be. Judged alone (no form field or JSON key around it), a token is
  classified from its typ and claims: e.g. the 2-hour assertion has iss = sub but is not recognised as a
  client assertion by its claims alone, so tests give it its place (\`client_assertion\` form field).

| File | Kind | Format | Violates | What |
|---|---|---|---|---|
`;

/** Writes every fixture and the manifest; returns the written paths. */
export async function generate(keys: DemoKeys, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const tokens: Record<string, string> = {};
  for (const spec of SPECS) {
    const token = await spec.make(keys, FIXTURE_NOW);
    tokens[spec.file] = token;
    writeFileSync(path.join(outDir, spec.file), token + '\n');
    written.push(spec.file);
  }
  const log = [
    `2026-11-02T10:00:00Z INFO token request client_assertion=${tokens['client-assertion.jwt']}`,
    `2026-11-02T10:00:00Z INFO authorize request=${tokens['request-object.jwt']}`,
    `2026-11-02T10:00:01Z DEBUG token response {"id_token": "${tokens['id-token.jwe']}"}`,
    '',
  ].join('\n');
  writeFileSync(path.join(outDir, 'mixed.log'), log);
  const manifest = {
    now: FIXTURE_NOW, nowIso: new Date(FIXTURE_NOW * 1000).toISOString(),
    issuer: DEMO.issuer, clientId: DEMO.clientId, tokenEndpoint: DEMO.tokenEndpoint, nonce: DEMO.nonce,
    tokens: SPECS.map(({ make, ...entry }) => (void make, entry)),
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const rows = SPECS.map((s) => `| ${s.file} | ${s.kind} | ${s.format} | ${s.violates.join(', ') || '—'} | ${s.description} |`);
  writeFileSync(path.join(outDir, 'README.md'), README_HEAD + rows.join('\n') + '\n');
  return [...written, 'mixed.log', 'manifest.json', 'README.md'].map((f) => path.join(outDir, f));
}

async function main(): Promise<void> {
  const newKeys = process.argv.includes('--new-keys') || !existsSync(path.join(DEMO_KEYS_DIR, 'client-sig.private.jwk.json'));
  if (newKeys) console.log(writeDemoKeys(await createDemoKeys()).map((f) => `wrote ${path.relative(process.cwd(), f)}`).join('\n'));
  const files = await generate(loadDemoKeys(), path.resolve(__dirname, '../test/fixtures/ftn'));
  console.log(`wrote ${files.length} files to test/fixtures/ftn/`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`gen-fixtures: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
