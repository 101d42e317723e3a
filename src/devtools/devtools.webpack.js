// Webpack targets of the MV3 DevTools extension: one source, two manifests.
//   devtools-chrome   -> dist/devtools/chrome   (__IS_FIREFOX__ = false)
//   devtools-firefox  -> dist/devtools/firefox  (__IS_FIREFOX__ = true)
// Static files (manifest, html, css) are emitted by a small plugin, so a build is self-contained.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');

/** Emits the manifest and static pages into the output folder (re-read on every build, watched). */
class StaticFilesPlugin {
  constructor(files, manifestFile, root) {
    this.files = files;
    this.manifestFile = manifestFile;
    this.root = root;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('FtnStaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'FtnStaticFiles', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [from, to] of this.files) {
          const abs = path.resolve(this.root, from);
          if (!fs.existsSync(abs)) {
            compilation.warnings.push(new webpack.WebpackError(`devtools: static file "${from}" is missing`));
            continue;
          }
          compilation.fileDependencies.add(abs);
          compilation.emitAsset(to, new RawSource(fs.readFileSync(abs)));
        }
        const manifestAbs = path.resolve(this.root, this.manifestFile);
        compilation.fileDependencies.add(manifestAbs);
        const manifest = JSON.parse(fs.readFileSync(manifestAbs, 'utf8'));
        manifest.version = require(path.resolve(this.root, 'package.json')).version;
        compilation.emitAsset('manifest.json', new RawSource(JSON.stringify(manifest, null, 2) + '\n'));
      });
    });
  }
}

module.exports = ({ base, root }) => {
  const src = 'src/devtools';
  const staticFiles = [
    [`${src}/devtools.html`, 'devtools.html'],
    [`${src}/panel.html`, 'panel.html'],
    [`${src}/panel.css`, 'panel.css'],
    [`${src}/icon.svg`, 'icon.svg'],
    ['media/inspector.css', 'inspector.css'],
  ];
  const target = (browser) => {
    const config = base(`devtools-${browser}`, {
      target: 'web',
      entry: { devtools: `./${src}/devtools.ts`, panel: `./${src}/panel.ts` },
      outDir: `dist/devtools/${browser}`,
      env: 'browser',
    });
    return {
      ...config,
      // No eval anywhere: the extension CSP is script-src 'self'.
      devtool: false,
      optimization: { ...config.optimization, splitChunks: false, runtimeChunk: false },
      plugins: [
        new webpack.DefinePlugin({ __IS_FIREFOX__: JSON.stringify(browser === 'firefox') }),
        new StaticFilesPlugin(staticFiles, `${src}/manifest.${browser}.json`, root),
      ],
    };
  };
  return [target('chrome'), target('firefox')];
};
