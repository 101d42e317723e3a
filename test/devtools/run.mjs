#!/usr/bin/env node
// DevTools test layer: the built MV3 extension (dist/devtools/chrome) in real headless Chromium.
// A local fake FTN login produces real tokens; DevTools auto-opens, raw CDP shows the "FTN Tokens"
// panel and asserts on its DOM. Writes {passed, failed, skipped} to $FTN_TEST_RESULTS.
import { spawnSync } from 'node:child_process';

if (typeof WebSocket === 'undefined') {
  // Node 20: the global WebSocket is behind a flag; re-run this script with it (no extra dependency).
  const r = spawnSync(process.execPath, ['--experimental-websocket', '--no-warnings', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { main } = await import('./e2e.mjs');
process.exit(await main());
