// Bundles the GraphQL IDE (apps/api/ide) into dist/ide with esbuild: one app bundle, its CSS and
// fonts, and the three Monaco workers. Skips the work when dist/ide is newer than its inputs.
// Run by `npm run build`, `npm start` and the e2e global setup; `--force` rebuilds.
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'apps/api/ide');
const outDir = path.join(root, 'dist/ide');
const stamp = path.join(outDir, 'graphiql.js');

function isFresh() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const inputs = [
    ...readdirSync(srcDir).map((f) => path.join(srcDir, f)),
    path.join(root, 'package-lock.json'),
    __filename,
  ];
  return inputs.every((f) => statSync(f).mtimeMs <= built);
}

async function buildIde({ force = false } = {}) {
  if (!force && isFresh()) return false;
  const esbuild = require('esbuild');
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { graphiql: path.join(srcDir, 'graphiql.entry.mjs') },
      outdir: outDir,
      format: 'esm',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      assetNames: '[name]-[hash]',
    }),
    esbuild.build({
      ...common,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      outdir: outDir,
      format: 'iife',
    }),
  ]);
  return true;
}

module.exports = { buildIde, outDir };

if (require.main === module) {
  const started = Date.now();
  buildIde({ force: process.argv.includes('--force') })
    .then((built) => {
      const size = readdirSync(outDir).reduce((n, f) => n + statSync(path.join(outDir, f)).size, 0);
      console.log(
        built
          ? `[ide] built dist/ide (${(size / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`
          : '[ide] dist/ide is up to date',
      );
    })
    .catch((err) => {
      console.error(`[ide] build failed: ${err.message}`);
      process.exit(1);
    });
}
