/**
 * Wiring of a Capture to chrome.devtools.network: what the Network panel recorded before this panel
 * opened (getHAR), then every finished request (onRequestFinished), and navigation (onNavigated).
 */
import { Capture, toHarEntry, type NetworkApi, type NetworkRequest } from './capture';

/** After a redirect, wait this long, then pull the hop that followed it from getHAR. */
const REDIRECT_PULL_MS = 700;

/** Adds getHAR entries started at or after `after` (ISO time) that the capture does not have yet. */
async function pullHar(network: NetworkApi, capture: Capture, after: string): Promise<void> {
  const list = await new Promise<NetworkRequest[]>((resolve) => network.getHAR((log) => resolve(Array.isArray(log?.entries) ? log.entries : [])));
  const fresh = list.filter((e) => e.startedDateTime >= after && !capture.has(e));
  if (fresh.length && !capture.paused) capture.addEntries(await Promise.all(fresh.map((e) => toHarEntry(e))));
}

/**
 * Wires a capture to chrome.devtools.network: existing entries first, then live ones. Chromium does not
 * fire onRequestFinished for the hop a fetch() follows after a redirect, so a 3xx pulls it from getHAR.
 */
export async function attachNetwork(network: NetworkApi, capture: Capture): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let after = '';
  network.onRequestFinished.addListener((request) => {
    void capture.addRequest(request);
    const status = request.response?.status ?? 0;
    if (status < 300 || status > 399 || capture.paused) return;
    if (!after || request.startedDateTime < after) after = request.startedDateTime;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      const from = after;
      timer = undefined;
      after = '';
      void pullHar(network, capture, from);
    }, REDIRECT_PULL_MS);
  });
  network.onNavigated.addListener(() => capture.navigated());
  await pullHar(network, capture, '');
}
