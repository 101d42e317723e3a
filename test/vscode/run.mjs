#!/usr/bin/env node
// The VS Code test layer (scripts/test.mjs runs it): builds the extension when stale, bundles the in-host mocha
// suite, runs it in a real workbench through @vscode/test-electron's runTests (the "executable" is code-shim.mjs,
// which drives code-server + headless Chromium), then runs the UI e2e tests, and writes the summed
// {passed, failed, skipped} to $FTN_TEST_RESULTS. On a desktop with internet, runTests without
// vscodeExecutablePath runs the same suite in a downloaded VS Code.
// Args: `--host-only` / `--e2e-only`; env FTN_VSCODE_GREP filters in-host tests by title; FTN_VSCODE_DESKTOP=1 runs
// the in-host suite in a downloaded desktop VS Code instead (needs internet; the e2e tests always use code-server).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(new URL('../..', import.meta.url).pathname);
const here = join(root, 'test/vscode');
const args = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => { totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped || 0; };

/** Newest modification time of the file `dir`, or of the files under it. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  if (statSync(dir).isFile()) return statSync(dir).mtimeMs;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

/** Runs `cmd` in the project root; exits the layer (one failure) when it fails. */
function must(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { finish({ passed: 0, failed: 1, skipped: 0 }, `${what} failed`); }
}

/** Builds a webpack target when its output is older than its sources. */
function buildIfStale(name, out, sources) {
  const outTime = existsSync(join(root, out)) ? statSync(join(root, out)).mtimeMs : 0;
  if (outTime >= Math.max(...sources.map((s) => newest(join(root, s))))) return;
  console.log(`vscode layer: building ${name}`);
  must('npx', ['webpack', '--mode', 'production', '--config-name', name], `webpack ${name}`);
}

/** The fixture workspace (test/fixtures/vscode/README.md): static files plus tokens and keys from the shared fixtures. */
function buildWorkspace(dir) {
  cpSync(join(root, 'test/fixtures/vscode'), dir, { recursive: true });
  const ftn = (f) => readFileSync(join(root, 'test/fixtures/ftn', f), 'utf8').trim();
  cpSync(join(root, 'examples/ftn-login.har'), join(dir, 'ftn-login.har'));
  mkdirSync(join(dir, 'tokens'), { recursive: true });
  cpSync(join(root, 'test/fixtures/ftn/mixed.log'), join(dir, 'tokens/mixed.log'));
  cpSync(join(root, 'examples/demo-keys'), join(dir, 'keys'), { recursive: true });
  cpSync(join(root, 'test/fixtures/keys/rsa.encrypted-sha256-aes256.pem'), join(dir, 'keys/rsa.encrypted.pem'));
  writeFileSync(join(dir, 'config.env'), [
    '# demo flow tokens (synthetic)',
    `ASSERTION=${ftn('client-assertion-expired.jwt')}`,
    `ID_TOKEN=${ftn('id-token.jwe')}`,
    `HETU_TOKEN=${ftn('id-token-jws-hetu.jwt')}`,
    '',
  ].join('\n'));
}

function finish(extra, message) {
  if (extra) add(extra);
  if (message) console.error(`vscode layer: ${message}`);
  if (process.env.FTN_TEST_RESULTS) writeFileSync(process.env.FTN_TEST_RESULTS, JSON.stringify(totals));
  console.log(`vscode layer: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed ? 1 : 0);
}

buildIfStale('extension', 'dist/extension.js', ['src/vscode', 'src/core', 'src/ui/protocol.ts', 'src/env']);
if (existsSync(join(root, 'src/ui/webview.main.ts'))) buildIfStale('webview', 'dist/webview/webview.js', ['src/ui']);

// Each run gets a fresh copy of the fixture workspace and a fresh VS Code profile (SecretStorage included).
const scratch = mkdtempSync(join(tmpdir(), 'ftn-vscode-layer-'));
const workspace = join(scratch, 'workspace');
buildWorkspace(workspace);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true, maxRetries: 3 }));

if (!args.includes('--e2e-only')) {
  const suite = join(root, 'dist/test/vscode-suite.js');
  must('npx', ['esbuild', 'test/vscode/suite/index.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs',
    '--external:vscode', '--external:mocha', '--log-level=warning', `--outfile=${suite}`], 'esbuild of the in-host suite');
  const hostResults = join(scratch, 'host-results.json');
  try {
    await runTests({
      ...(process.env.FTN_VSCODE_DESKTOP ? {} : { vscodeExecutablePath: join(here, 'code-shim.mjs') }),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace, `--user-data-dir=${join(scratch, 'ud')}`, `--extensions-dir=${join(scratch, 'ext')}`],
      extensionTestsEnv: { FTN_VSCODE_HOST_RESULTS: hostResults, FTN_FIXTURE_ROOT: join(root, 'test/fixtures') },
    });
  } catch (e) {
    console.error(`vscode layer: in-host run failed: ${e.message}`);
  }
  if (existsSync(hostResults)) add(JSON.parse(readFileSync(hostResults, 'utf8')));
  else add({ passed: 0, failed: 1, skipped: 0 });
}

if (!args.includes('--host-only')) {
  const e2eResults = join(scratch, 'e2e-results.json');
  const r = spawnSync('node', [join(here, 'e2e/run-e2e.mjs'), workspace], { cwd: root, stdio: 'inherit',
    env: { ...process.env, FTN_E2E_RESULTS: e2eResults } });
  if (existsSync(e2eResults)) add(JSON.parse(readFileSync(e2eResults, 'utf8')));
  else add({ passed: 0, failed: 1, skipped: 0 });
  if (r.status !== 0 && !existsSync(e2eResults)) console.error('vscode layer: e2e run died');
}
finish();
