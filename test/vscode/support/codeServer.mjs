// Starts a throwaway code-server (a real VS Code workbench server) and headless Debian Chromium for the
// VS Code test layer. Used by code-shim.mjs (the in-host mocha suite) and the UI e2e tests alike.
// env: CODE_SERVER_BIN (default .tools/code-server/node_modules/.bin/code-server), CHROMIUM_BIN (default
// /usr/bin/chromium), CODE_SHIM_EXTRA (extra code-server flags, e.g. "--vscode-option enable-smoke-test-driver").
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const root = resolve(new URL('../../..', import.meta.url).pathname);

/** Absolute path of the code-server launcher. */
export const codeServerBin = () => resolve(root, process.env.CODE_SERVER_BIN || '.tools/code-server/node_modules/.bin/code-server');

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.enableExperiments': false,
  'git.enabled': false, 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
};

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
}

/** Starts code-server on a free port with a fresh (or the given) profile; resolves once /healthz answers. */
export async function startCodeServer({ userDataDir, extensionsDir, settings = {} } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'ftn-code-server-'));
  const ud = userDataDir || join(scratch, 'ud');
  const ext = extensionsDir || join(scratch, 'ext');
  mkdirSync(join(ud, 'User'), { recursive: true });
  mkdirSync(ext, { recursive: true });
  const settingsFile = join(ud, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 1));
  const port = await freePort();
  // code-server writes ~/.config/code-server/config.yaml unless XDG dirs point elsewhere.
  const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', ud, '--extensions-dir', ext,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(process.env.CODE_SHIM_EXTRA ? process.env.CODE_SHIM_EXTRA.split(' ').filter(Boolean) : [])];
  // detached: its own process group, so stop() can end code-server and every child it started.
  const child = spawn(codeServerBin(), args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  };
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 300 || child.exitCode !== null) { stop(); throw new Error(`code-server did not start\n${log.slice(-3000)}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port, authority: `127.0.0.1:${port}`, userDataDir: ud, log: () => log, stop };
}

/** Workbench URL opening `folder` with the given extension development/test paths in the payload. */
export function workbenchUrl(server, { folder, devPaths = [], testsPath } = {}) {
  const remote = (p) => `vscode-remote://${server.authority}${resolve(p)}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : [])];
  const where = folder ? `folder=${encodeURIComponent(resolve(folder))}` : 'ew=true';
  return `${server.base}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Headless Debian Chromium through playwright-core. */
export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
