/**
 * Builds the WPS 加载项 folder (npm run build:wps drives it through scripts/build-wps.js):
 *   index.html + main.js   the add-in's main page, defining window.ribbon for ribbon.xml
 *   taskpane.html + .js    the same React pane as in Excel, over the WPS adapter
 *   ribbon.xml, images/    the 绩效自评 tab and its icons (the Office add-in's own PNGs)
 * WPS 加载项 run in WPS's Chromium-based page host, so the bundle targets what the Office pane does.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { typescriptRule } = require('../webpack.config');

const root = path.resolve(__dirname, '..');

module.exports = (outDir) => ({
  mode: 'production',
  devtool: false,
  target: 'web',
  context: root,
  entry: { main: './src/wps/main.ts', taskpane: './src/wps/pane.tsx' },
  output: { path: outDir, filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
  module: { rules: [typescriptRule(false)] },
  performance: { hints: false },
  stats: 'errors-warnings',
  plugins: [
    new HtmlWebpackPlugin({ filename: 'index.html', template: path.join(__dirname, 'index.html'), chunks: ['main'] }),
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: path.join(__dirname, 'taskpane.html'), chunks: ['taskpane'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: path.join(__dirname, 'ribbon.xml'), to: 'ribbon.xml' },
        { from: 'assets/{score,report,undo,pane}-{16,32,80}.png', to: 'images/[name][ext]' },
      ],
    }),
  ],
});
