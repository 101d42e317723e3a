// Minimal Chrome DevTools Protocol client over one browser-level WebSocket, with flattened target sessions.
// Playwright does not expose devtools:// pages or extension iframes, so the DevTools tests speak raw CDP.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Waits until `fn` returns a truthy value (polling), or throws `what` after `ms`. */
export async function until(fn, what, ms = 15000, every = 100) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Connects to the browser's CDP endpoint announced in `<profile>/DevToolsActivePort`. */
export async function connectBrowser(profileDir) {
  const file = join(profileDir, 'DevToolsActivePort');
  const text = await until(() => existsSync(file) && readFileSync(file, 'utf8').trim(), 'DevToolsActivePort');
  const [port, path] = text.split('\n');
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((res, rej) => { ws.onopen = res; ws.onerror = () => rej(new Error('cdp websocket failed')); });
  let id = 0;
  const pending = new Map();
  ws.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.id && pending.has(msg.id)) {
      const { res, rej } = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? rej(new Error(`${msg.error.message} ${msg.error.data ?? ''}`)) : res(msg.result);
    }
  };
  const send = (method, params = {}, sessionId) => new Promise((res, rej) => {
    const mid = ++id;
    pending.set(mid, { res, rej });
    ws.send(JSON.stringify({ id: mid, method, params, ...(sessionId ? { sessionId } : {}) }));
  });
  return {
    send,
    close: () => ws.close(),
    /** Every target (pages, iframes, workers). */
    targets: async () => (await send('Target.getTargets')).targetInfos,
    /** Attaches to a target; returns a session with send/evaluate. */
    attach: async (targetId) => {
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      await send('Runtime.enable', {}, sessionId).catch(() => undefined);
      return {
        sessionId,
        send: (method, params) => send(method, params, sessionId),
        /** Evaluates an expression (awaiting promises) and returns its JSON value; throws on exceptions. */
        evaluate: async (expression) => {
          const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
          if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
          return r.result.value;
        },
      };
    },
  };
}
