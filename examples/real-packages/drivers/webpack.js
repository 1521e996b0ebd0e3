// webpack bundles project/webpack (ES modules and JSON) into out/webpack/bundle.js, in production
// mode without minification (the minifier runs worker processes, which a sandbox does not start).
const path = require('path');
const webpack = require('webpack');

const compiler = webpack({
  mode: 'production',
  context: path.resolve('project/webpack'),
  entry: './src/index.js',
  output: { path: path.resolve('out/webpack'), filename: 'bundle.js' },
  optimization: { minimize: false },
  infrastructureLogging: { level: 'none' },
});
compiler.run((err, stats) => {
  if (err) throw err;
  const info = stats.toJson({ all: false, assets: true, errors: true, warnings: true, modules: true });
  console.log('errors', info.errors.length, 'warnings', info.warnings.length);
  for (const a of info.assets) console.log('asset', a.name, a.size);
  console.log('modules', info.modules.map((m) => m.name).sort().join(', '));
  compiler.close(() => {
    const bundle = require(path.resolve('out/webpack/bundle.js'));
    console.log('bundle exports', typeof bundle);
  });
});
