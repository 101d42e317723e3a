/** Identifiers shared by the extension's modules and package.json (contributes). */

/** Command palette category and diagnostic source. */
export const DISPLAY_NAME = 'FTN Token Inspector';

/** Command ids (package.json contributes.commands). */
export const CMD = {
  inspectAtCursor: 'ftnInspector.inspectAtCursor',
  inspectClipboard: 'ftnInspector.inspectClipboard',
  inspectPasted: 'ftnInspector.inspectPasted',
  analyzeHarFile: 'ftnInspector.analyzeHarFile',
  sanitizeHar: 'ftnInspector.sanitizeHar',
  generateKeyPair: 'ftnInspector.generateKeyPair',
  importPrivateKey: 'ftnInspector.importPrivateKey',
  importPublicKeys: 'ftnInspector.importPublicKeys',
  manageKeys: 'ftnInspector.manageKeys',
  exportPrivateKey: 'ftnInspector.exportPrivateKey',
  openInInspector: 'ftnInspector.openInInspector',
  copyClaims: 'ftnInspector.copyClaims',
} as const;

/** Webview panel and custom editor view types. */
export const VIEW = {
  inspector: 'ftnInspector.inspector',
  har: 'ftnInspector.harEditor',
} as const;

/** Configuration section. */
export const CONFIG = 'ftnInspector';

/** SecretStorage key of the one secret holding the private JWK set ({ keys: JWK[] }). */
export const SECRET_PRIVATE_KEYS = 'ftnInspector.privateKeys';

/** globalState keys: public verification JWKs, and where each key came from (by thumbprint). */
export const STATE_PUBLIC_KEYS = 'ftnInspector.publicKeys';
export const STATE_KEY_SOURCES = 'ftnInspector.keySources';

/** Hover work is bounded by the line: at most this many characters around the cursor are scanned. */
export const HOVER_WINDOW = 64 * 1024;

/** Debounce of diagnostics/decorations after an edit, and of HAR editor re-analysis, in ms. */
export const DEBOUNCE_MS = 400;
