#!/usr/bin/env node
// The "package" test layer: what `npm run package` ships installs and loads.
//  - the .vsix (vsce) contains the bundles and no sources, tests or tools, and installs into a real
//    VS Code (code-server 4.100.3, installed by scripts/setup-test-env.sh)
//  - the DevTools zips (scripts/package-devtools.mjs) hold a valid MV3 manifest and every file it names
// Expects `webpack --mode production` to have run (scripts/test.mjs builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = resolve(new URL('../..', import.meta.url).pathname);
const results = { passed: 0, failed: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'ftn-package-'));

async function test(name, fn) {
  try { await fn(); results.passed++; console.log(`  ✔ ${name}`); }
  catch (e) { results.failed++; console.log(`  ✖ ${name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n    ')}`); }
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 240_000, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || '').slice(-800)}`);
  return r.stdout;
}
function assert(cond, message) { if (!cond) throw new Error(message); }

/** Names and contents of a zip's entries (stored or deflated), read from its central directory. */
function readZip(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert(eocd >= 0, `${file}: no end of central directory`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert(buf.readUInt32LE(p) === 0x02014b50, `${file}: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(p + 10), compressed = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    const data = method === 0 ? raw : inflateRawSync(raw);
    assert(data.length === size, `${file}: ${name} inflates to ${data.length} bytes, expected ${size}`);
    entries.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const vsix = join(scratch, 'ftn-token-inspector.vsix');
console.log('package');
await test('vsce packages the extension with its bundles and no sources, tests or tools', () => {
  run('npx', ['vsce', 'package', '--allow-missing-repository', '--no-dependencies', '--readme-path', 'docs/vscode.md',
    '--no-rewrite-relative-links', '-o', vsix]);
  const names = [...readZip(vsix).keys()];
  for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/web/extension.js',
    'extension/dist/webview/webview.js', 'extension/media/inspector.css', 'extension/docs/rules.md']) {
    assert(names.includes(f), `${f} missing from the .vsix`);
  }
  const stray = names.filter((n) => /^extension\/(src|test|\.tools|node_modules|examples|bench)\//.test(n) || n.endsWith('.map'));
  assert(stray.length === 0, `the .vsix ships ${stray.slice(0, 5).join(', ')}`);
  const manifest = JSON.parse(readZip(vsix).get('extension/package.json').toString('utf8'));
  assert(manifest.main === './dist/extension.js' && manifest.browser === './dist/web/extension.js', 'main/browser entries');
  assert(/^\^1\.(\d+)\./.test(manifest.engines.vscode) && Number(manifest.engines.vscode.split('.')[1]) <= 100, `engines.vscode ${manifest.engines.vscode} must be ≤ 1.100`);
});

await test('the .vsix installs into a real VS Code (code-server 4.100.3)', () => {
  const bin = process.env.CODE_SERVER_BIN || join(root, '.tools/code-server/node_modules/.bin/code-server');
  assert(existsSync(bin), `code-server not found at ${bin}: run scripts/setup-test-env.sh`);
  const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
  const ext = join(scratch, 'ext');
  const out = run(bin, ['--user-data-dir', join(scratch, 'ud'), '--extensions-dir', ext, '--install-extension', vsix], { env });
  assert(/successfully installed/.test(out), `install output: ${out.slice(-300)}`);
  const listed = run(bin, ['--user-data-dir', join(scratch, 'ud'), '--extensions-dir', ext, '--list-extensions', '--show-versions'], { env });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert(listed.includes(`${pkg.publisher}.${pkg.name}@${pkg.version}`), `--list-extensions: ${listed}`);
  assert(existsSync(join(ext, `${pkg.publisher}.${pkg.name}-${pkg.version}`, 'dist', 'extension.js')), 'installed extension has dist/extension.js');
});

await test('the DevTools zips hold an MV3 manifest and every file it names', () => {
  run('node', ['scripts/package-devtools.mjs']);
  for (const browser of ['chrome', 'firefox']) {
    const zip = readZip(join(root, 'dist', `ftn-token-inspector-${browser}.zip`));
    const manifest = JSON.parse(zip.get('manifest.json').toString('utf8'));
    assert(manifest.manifest_version === 3, `${browser}: manifest_version ${manifest.manifest_version}`);
    assert(JSON.stringify(manifest.permissions ?? []) === '["storage"]', `${browser}: permissions ${JSON.stringify(manifest.permissions)}`);
    assert(!manifest.host_permissions, `${browser}: host_permissions must be absent`);
    assert(zip.has(manifest.devtools_page), `${browser}: ${manifest.devtools_page} missing`);
    if (browser === 'firefox') assert(manifest.browser_specific_settings?.gecko?.id, 'firefox: gecko id');
  }
});

rmSync(scratch, { recursive: true, force: true });
if (process.env.FTN_TEST_RESULTS) writeFileSync(process.env.FTN_TEST_RESULTS, JSON.stringify(results));
console.log(`${results.passed} passing, ${results.failed} failing`);
process.exit(results.failed ? 1 : 0);
