/**
 * No network: tokens whose jku, x5u, iss (and the trace's URLs) point at a local server are
 * inspected, verified and decrypted by the CLI and by the core, and (1) the server receives zero
 * requests and (2) the netguard preload/wrapper records zero connection attempts (net, dns, http(s),
 * tls, fetch). The guard checks itself first, so a broken guard fails the suite instead of passing it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { analyzeHar, analyzeText, importKeys, KeyRing } from '../../src/core';
import { signJws } from '../../scripts/fixtures/tokens';
import { CLI, ROOT } from './run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { install } = require('./netguard.cjs') as { install: (record: (kind: string, target: string) => void) => () => void };
const GUARD = path.join(__dirname, 'netguard.cjs');
const NOW = 1793613600;
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

/** Runs the CLI with the guard preloaded (async: the test's server keeps serving meanwhile). */
function guardedCli(args: string[], log: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', GUARD, '--require', 'tsx/cjs', CLI, ...args],
      { cwd: ROOT, env: { ...process.env, FTN_NETLOG: log, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** The guard log as entries; network attempts are every kind but `loaded` and `ipc`. */
function attempts(log: string): { loaded: number; network: string[] } {
  const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; target: string });
  return { loaded: lines.filter((l) => l.kind === 'loaded').length, network: lines.filter((l) => l.kind !== 'loaded' && l.kind !== 'ipc').map((l) => `${l.kind} ${l.target}`) };
}

suite('security: nothing touches the network', function () {
  this.timeout(60_000);
  let server: http.Server;
  let hits: string[];
  let base: string;
  let tmp: string;
  let tokens: string;
  let ring: KeyRing;

  suiteSetup(async () => {
    hits = [];
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('{"keys":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tmp = mkdtempSync(path.join(tmpdir(), 'ftn-sec-net-'));
    const sig = JSON.parse(read('examples/demo-keys/client-sig.private.jwk.json')) as JWK;
    const claims = { iss: `${base}/issuer`, sub: 'demo-client', aud: `${base}/token`, jti: 'j-1', iat: NOW, exp: NOW + 300 };
    // Signed by a key nobody loaded (EC, while the ring holds only RSA keys): only jku/x5u could find it.
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const remote = await signJws({ alg: 'ES256', kid: 'remote-kid', jku: `${base}/jwks`, x5u: `${base}/x5u` }, claims, await exportJWK(privateKey));
    const own = await signJws({ alg: 'RS256', kid: sig.kid, jku: `${base}/jwks` }, { ...claims, request_uri: `${base}/request` }, sig);
    tokens = path.join(tmp, 'remote.log');
    writeFileSync(tokens, `id_token=${remote}\nclient_assertion=${own}\nsee ${base}/.well-known/openid-configuration\n`);
    ring = new KeyRing([
      ...await importKeys(read('examples/demo-keys/client-enc.private.jwk.json')),
      ...await importKeys(read('examples/demo-keys/broker-sig.public.jwks.json')),
      ...await importKeys(read('examples/demo-keys/client.public.jwks.json')),
    ]);
  });
  suiteTeardown(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the guard itself records and refuses a connection (self-check)', async () => {
    const log = path.join(tmp, 'self.log');
    const r = await new Promise<{ stdout: string }>((resolve) => execFile(process.execPath, ['--require', GUARD, '-e',
      `fetch(${JSON.stringify(`${base}/probe`)}).catch((e) => console.log(e.message)); try { require('http').get(${JSON.stringify(`${base}/probe`)}) } catch (e) { console.log(e.message) }`],
      { env: { ...process.env, FTN_NETLOG: log } }, (_e, stdout) => resolve({ stdout })));
    assert.equal(r.stdout, `netguard: http.get to ${base}/probe refused\nnetguard: fetch to ${base}/probe refused\n`);
    assert.deepEqual(attempts(log), { loaded: 1, network: [`fetch ${base}/probe`, `http.get ${base}/probe`] });
    assert.deepEqual(hits, []);
  });

  test('CLI: the example trace with keys, and tokens with jku/x5u/iss on a local server: zero requests, zero attempts', async () => {
    const log = path.join(tmp, 'cli.log');
    const r = await guardedCli(['examples/ftn-login.har', tokens, '--key', 'examples/demo-keys/client-enc.private.jwk.json',
      '--jwks', 'examples/demo-keys/broker-sig.public.jwks.json', '--jwks', 'examples/demo-keys/client.public.jwks.json',
      '--now', String(NOW), '--format', 'json'], log);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout) as { tokens: Array<{ header: Record<string, unknown> | null; signature: { status: string; message?: string } | null; decryption: { status: string } | null }> };
    const remote = report.tokens.find((t) => t.header?.kid === 'remote-kid');
    assert.equal(remote?.signature?.status, 'no-key');
    assert.match(remote?.signature?.message ?? '', /\("jku" and "x5u" are never fetched\)$/);
    assert.ok(report.tokens.some((t) => t.decryption?.status === 'decrypted'), 'the trace was decrypted');
    assert.ok(report.tokens.some((t) => t.header?.jku !== undefined && t.signature?.status === 'valid'), 'the jku token verified with the local key');
    await new Promise((r2) => setTimeout(r2, 100));
    assert.deepEqual(hits, []);
    assert.deepEqual(attempts(log), { loaded: 1, network: [] });
  });

  test('core in-process: analyzeHar and analyzeText with keys make no connection attempt', async () => {
    const seen: string[] = [];
    const uninstall = install((kind, target) => { if (kind !== 'ipc') seen.push(`${kind} ${target}`); });
    try {
      const har = await analyzeHar(read('examples/ftn-login.har'), { now: NOW, keys: ring, clientId: 'demo-client' });
      assert.ok(har.tokens.some((t) => t.decryption?.status === 'decrypted'));
      const text = await analyzeText(readFileSync(tokens, 'utf8'), { now: NOW, keys: ring });
      assert.equal(text.tokens.length, 2);
      assert.deepEqual(text.tokens.map((t) => t.header?.jku), [`${base}/jwks`, `${base}/jwks`]);
      assert.deepEqual(text.tokens.map((t) => t.signature?.status), ['no-key', 'valid']);
    } finally {
      uninstall();
    }
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(seen, []);
    assert.deepEqual(hits, []);
  });
});
