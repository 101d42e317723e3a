#!/usr/bin/env node
// Stand-in for the VS Code executable (docs: /work/shared/testing.md, appendix A). It accepts the command line
// @vscode/test-electron's runTests passes (--extensionDevelopmentPath=… --extensionTestsPath=… --user-data-dir=…
// --extensions-dir=… <folder>), runs the suite in code-server's real (remote, Node) extension host through
// headless Chromium, and exits with the code the workbench reports via window.codeAutomationExit.
// env: CODE_SERVER_BIN, CHROMIUM_BIN, CODE_SHIM_EXTRA (see support/codeServer.mjs), CODE_SHIM_TIMEOUT_MS (default 300000).
import { resolve } from 'node:path';
import util from 'node:util';
import { startCodeServer, workbenchUrl, launchChromium } from './support/codeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const devPaths = opt('extensionDevelopmentPath').map((p) => resolve(p));
const testsPath = opt('extensionTestsPath')[0];
const folder = argv.find((a) => !a.startsWith('-'));
const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS || 300_000);

// Workbench chatter that is expected offline (gallery, telemetry, socket setup) and says nothing about the tests.
const NOISE = /ENOTFOUND|open-vsx\.org|Creating a socket|connection token|\[Service Worker\]|ChatSessionStore|builtin extensions cache|workbench contribution/;

if (!testsPath) { console.error('code-shim: missing --extensionTestsPath=…'); process.exit(2); }

const server = await startCodeServer({ userDataDir: opt('user-data-dir')[0], extensionsDir: opt('extensions-dir')[0] });
let browser;
const cleanup = async () => {
  try { await browser?.close(); } catch { /* browser already gone */ }
  server.stop();
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup().finally(() => process.exit(130)); });

let code;
try {
  browser = await launchChromium();
  // The extension host's clipboard goes through the browser's: allow it (headless has no user gesture).
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const exited = new Promise((res) => {
    // console output of the extension host arrives unformatted (format string + args).
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...args).replace(/%c/g, '');
      if (NOISE.test(line)) return;
      (type === 'error' ? console.error : console.log)(line);
    });
    page.exposeFunction('codeAutomationExit', (c) => res(c));
  });
  await page.goto(workbenchUrl(server, { folder, devPaths, testsPath }));
  code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
} catch (e) {
  console.error(`code-shim: ${e?.stack || e}`);
  code = 1;
}
const log = server.log();
await cleanup();
if (code === 'timeout') { console.error(`code-shim: timed out after ${timeoutMs} ms\n${log.slice(-3000)}`); process.exit(124); }
process.exit(typeof code === 'number' ? code : 1);
