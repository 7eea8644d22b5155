/**
 * Bundles the stand-in Excel host (demo/host.ts + the fake Excel API) for the browser: demo/dist/host.js.
 * Used by scripts/demo.js (npm run demo), the e2e tests and scripts/bench-pane.js; not part of the add-in build.
 */
const path = require('path');
const { typescriptRule } = require('../webpack.config');

module.exports = {
  mode: 'development',
  devtool: false,
  target: 'web',
  entry: { host: path.resolve(__dirname, 'host.ts') },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      typescriptRule(false),
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: 'warn' },
  stats: 'errors-warnings',
};
