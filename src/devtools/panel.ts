/**
 * The "FTN Tokens" panel page (panel.html): boots the host glue (host.ts) around the shared renderer
 * (src/ui, the same one the VS Code webview runs) on chrome.devtools.network and chrome.storage.local.
 */
import type { NetworkApi } from './capture';
import { PanelHost } from './host';
import { localStorageArea, memoryStorageArea } from './storage';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  const sections = document.getElementById('host-sections');
  if (!root || !sections) return;
  // Kept for the tests and for support: the extension CSP must never block the panel's own code.
  const cspViolations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  document.documentElement.classList.toggle('ftn-firefox', __IS_FIREFOX__);
  const hasChrome = typeof chrome !== 'undefined';
  const storage = hasChrome && chrome.storage?.local ? localStorageArea() : memoryStorageArea();
  const network = hasChrome ? (chrome.devtools?.network as unknown as NetworkApi | undefined) : undefined;
  const host = await new PanelHost({ root, sections, storage, network }).start();
  (window as unknown as { __ftnPanel?: PanelHost & { cspViolations: string[] } }).__ftnPanel = Object.assign(host, { cspViolations });
}

void boot();
