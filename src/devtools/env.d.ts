/// <reference types="chrome" />
// Globals of the DevTools extension bundles (the project tsconfig lists only node and mocha types).

/** Set by webpack's DefinePlugin per build (devtools.webpack.js): true in the Firefox build. */
declare const __IS_FIREFOX__: boolean;
