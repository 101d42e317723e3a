// Static checks of the DevTools extension: manifests (smallest permission set, strict CSP), source rules
// (no storage.sync, no innerHTML), and the node-only zipper of scripts/package-devtools.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, makeZip } from '../../../scripts/package-devtools.mjs';

const root = new URL('../../..', import.meta.url).pathname;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'";
const manifest = (b) => JSON.parse(readFileSync(join(root, `src/devtools/manifest.${b}.json`), 'utf8'));

suite('devtools manifests and packaging', () => {
  test('both manifests: MV3, devtools_page, only the "storage" permission, no host access, strict CSP', () => {
    for (const b of ['chrome', 'firefox']) {
      const m = manifest(b);
      assert.equal(m.manifest_version, 3);
      assert.equal(m.devtools_page, 'devtools.html');
      assert.deepEqual(m.permissions, ['storage']);
      for (const k of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable'])
        assert.equal(m[k], undefined, `${b}: ${k}`);
      assert.deepEqual(m.content_security_policy, { extension_pages: CSP });
    }
    assert.equal(manifest('firefox').browser_specific_settings.gecko.id, 'ftn-token-inspector@ftn-inspector');
    assert.equal(manifest('chrome').browser_specific_settings, undefined);
  });

  test('the extension source never uses storage.sync, innerHTML, eval or network APIs', () => {
    const dir = join(root, 'src/devtools');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const bad of [/storage\.sync/, /\.innerHTML|outerHTML|insertAdjacentHTML/, /\beval\(|new Function\(/, /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/, /webRequest/])
        assert.doesNotMatch(src, bad, `${f}: ${bad}`);
    }
  });

  test('crc32 matches the standard check value', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });

  test('makeZip writes an archive that an independent reader lists and verifies', function () {
    const py = spawnSync('python3', ['--version']);
    if (py.status !== 0) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'ftn-zip-'));
    try {
      const files = [{ name: 'manifest.json', data: Buffer.from('{"a":1}') }, { name: 'sub/panel.js', data: Buffer.from('x'.repeat(5000)) }];
      writeFileSync(join(dir, 't.zip'), makeZip(files));
      const r = spawnSync('python3', ['-c', `import zipfile,sys,json
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps([[i.filename, i.compress_type, len(z.read(i))] for i in z.infolist()]))`, join(dir, 't.zip')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), [['manifest.json', 0, 7], ['sub/panel.js', 8, 5000]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
