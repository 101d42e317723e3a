// One webpack config, one named target per bundle (`webpack --config-name cli`, or all of them).
//   cli            src/cli/main.ts           -> dist/cli/ftn-inspect.js         (node)
//   extension      src/vscode/extension.ts   -> dist/extension.js               (node, VS Code desktop)
//   extension-web  src/vscode/extension.ts   -> dist/web/extension.js           (webworker, VS Code for the web)
//   webview        src/ui/webview.main.ts    -> dist/webview/webview.js         (web, the inspector/HAR webview)
//   devtools       src/devtools/*            -> dist/devtools/{chrome,firefox}  (MV3 extension; see devtools.webpack.js)
//   test-browser   test/browser/*.suite.ts   -> dist/test/*.js                  (core + UI suites run in Chromium)
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');

const tsRule = (target) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  loader: 'esbuild-loader',
  options: { target },
});

/** Shared base: TypeScript through esbuild (type checking is `tsc`'s job), no Node polyfills for web targets. */
function base(name, { target, entry, outDir, filename = '[name].js', esTarget = 'es2022', env = 'node', library }) {
  return {
    name,
    target,
    entry,
    devtool: 'nosources-source-map',
    output: {
      path: path.resolve(__dirname, outDir),
      filename,
      ...(library ? { library: { type: library } } : {}),
      clean: false,
    },
    resolve: {
      extensions: ['.ts', '.js', '.mjs'],
      mainFields: target === 'node' ? ['module', 'main'] : ['browser', 'module', 'main'],
      conditionNames: target === 'node' ? ['node', 'import', 'require', 'default'] : ['browser', 'import', 'require', 'default'],
      alias: { '@env': path.resolve(__dirname, 'src', 'env', env) },
      fallback: target === 'node' ? {} : { fs: false, path: false, crypto: false },
    },
    module: { rules: [tsRule(esTarget)] },
    externals: { vscode: 'commonjs vscode' },
    performance: { hints: false },
    stats: 'errors-warnings',
    optimization: { minimize: true },
  };
}

const configs = [
  {
    ...base('cli', { target: 'node', entry: { 'ftn-inspect': './src/cli/main.ts' }, outDir: 'dist/cli', esTarget: 'node20', library: 'commonjs2' }),
    plugins: [
      new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
      // `bin` points at the bundle: make it runnable as ./dist/cli/ftn-inspect.js, not only via `node`.
      { apply: (compiler) => compiler.hooks.afterEmit.tap('chmod', () => fs.chmodSync(path.join(compiler.outputPath, 'ftn-inspect.js'), 0o755)) },
    ],
    devtool: false,
  },
  base('extension', { target: 'node', entry: { extension: './src/vscode/extension.ts' }, outDir: 'dist', esTarget: 'node20', library: 'commonjs2' }),
  base('extension-web', { target: 'webworker', entry: { extension: './src/vscode/extension.ts' }, outDir: 'dist/web', env: 'browser', library: 'commonjs2' }),
  base('webview', { target: 'web', entry: { webview: './src/ui/webview.main.ts' }, outDir: 'dist/webview', env: 'browser' }),
  base('test-browser', {
    target: 'web',
    entry: Object.fromEntries(
      (fs.existsSync('test/browser') ? fs.readdirSync('test/browser') : [])
        .filter((f) => f.endsWith('.suite.ts'))
        .map((f) => [f.replace(/\.suite\.ts$/, ''), './test/browser/' + f]),
    ),
    outDir: 'dist/test',
    env: 'browser',
  }),
];

// The DevTools extension has two manifests and static pages: its config lives beside its sources.
if (fs.existsSync(path.join(__dirname, 'src/devtools/devtools.webpack.js'))) {
  configs.push(...require('./src/devtools/devtools.webpack.js')({ base, root: __dirname }));
}

// A target whose entry files are missing is not built (every entry exists once the project is complete;
// scripts/test.mjs's build gate and the host test layers fail if a bundle they need is absent).
const present = (c) => Object.values(c.entry).length > 0 && Object.values(c.entry).flat().every((e) => fs.existsSync(path.resolve(__dirname, e)));
module.exports = configs.filter(present);
