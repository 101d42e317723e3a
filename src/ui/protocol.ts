/**
 * The one typed protocol between a host (VS Code extension host, DevTools panel page) and the shared
 * renderer in src/ui. Transport is injected (webview.postMessage / in-page calls). Every inbound message
 * is checked with the guards below before use: the other side is untrusted.
 */
import type { Report } from '../core/types';
import type { KeyDescription } from '../core/keys/key.types';

/** What a host can do; the renderer shows only the controls a host supports (no platform checks in src/ui). */
export interface UiCapabilities {
  /** Host can reveal a token's location in a source document. */
  reveal: boolean;
  /** Host can import keys (the renderer shows an "import key" action). */
  importKey: boolean;
  /** Host can export the trace as (sanitised) HAR. */
  exportHar: boolean;
  /** Host offers clipboard writes (otherwise the renderer uses navigator.clipboard). */
  copy: boolean;
  /** Live capture controls (pause, clear, preserve log): DevTools panel only. */
  liveCapture: boolean;
}

/** The host's live-capture state; the renderer draws Pause/Resume and "preserve log" from it. */
export interface CaptureState {
  paused: boolean;
  preserve: boolean;
  /** Entries dropped because the capture was full. */
  dropped?: number;
}

/** Host → renderer. */
export type ToUiMessage =
  | { type: 'report'; report: Report; title?: string; keys?: KeyDescription[]; selected?: number; capture?: CaptureState }
  | ({ type: 'capture' } & CaptureState)
  | { type: 'progress'; label: string; done: number; total: number }
  | { type: 'keys'; keys: KeyDescription[] }
  | { type: 'select'; token: number }
  | { type: 'error'; message: string };

/** Renderer → host. */
export type FromUiMessage =
  | { type: 'ready' }
  | { type: 'copy'; text: string; label?: string }
  | { type: 'reveal'; token: number }
  | { type: 'selected'; token: number }
  | { type: 'importKey' }
  | { type: 'exportHar'; sanitize: boolean }
  | { type: 'capture'; action: 'pause' | 'resume' | 'clear' | 'preserve-on' | 'preserve-off' }
  /** A rule ID link was clicked: open docs/rules.md#<rule-id-lowercase> (the renderer never navigates). */
  | { type: 'openRule'; rule: string };

const TO_UI = new Set(['report', 'capture', 'progress', 'keys', 'select', 'error']);
const FROM_UI = new Set(['ready', 'copy', 'reveal', 'selected', 'importKey', 'exportHar', 'capture', 'openRule']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isCapture = (v: Record<string, unknown>): boolean =>
  typeof v.paused === 'boolean' && typeof v.preserve === 'boolean' && (v.dropped === undefined || isIndex(v.dropped));

/** Validates a message a renderer received. */
export function isToUiMessage(m: unknown): m is ToUiMessage {
  if (!isObj(m) || typeof m.type !== 'string' || !TO_UI.has(m.type)) return false;
  switch (m.type) {
    case 'report': return isObj(m.report) && Array.isArray((m.report as Record<string, unknown>).tokens)
      && (m.capture === undefined || (isObj(m.capture) && isCapture(m.capture)));
    case 'capture': return isCapture(m);
    case 'progress': return typeof m.label === 'string' && typeof m.done === 'number' && typeof m.total === 'number';
    case 'keys': return Array.isArray(m.keys);
    case 'select': return isIndex(m.token);
    case 'error': return typeof m.message === 'string';
  }
  return false;
}

/** Validates a message a host received from the renderer. */
export function isFromUiMessage(m: unknown): m is FromUiMessage {
  if (!isObj(m) || typeof m.type !== 'string' || !FROM_UI.has(m.type)) return false;
  switch (m.type) {
    case 'copy': return typeof m.text === 'string' && m.text.length <= 10_000_000;
    case 'reveal': case 'selected': return isIndex(m.token);
    case 'exportHar': return typeof m.sanitize === 'boolean';
    case 'openRule': return typeof m.rule === 'string' && /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(m.rule);
    case 'capture': return ['pause', 'resume', 'clear', 'preserve-on', 'preserve-off'].includes(m.action as string);
    default: return true;
  }
}
