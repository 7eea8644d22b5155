#!/usr/bin/env node
/**
 * npm run dev-server — webpack serve with the development config on port 3000.
 * webpack.config.js decides https (office-addin-dev-certs) or plain http and prints which.
 * Extra arguments go to webpack serve; JIXIAO_DEV_HTTP=1 forces plain http.
 */
'use strict';
const path = require('path');
const { spawn } = require('child_process');

const root = path.resolve(__dirname, '..');
const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
const child = spawn(process.execPath, [cli, 'serve', '--mode', 'development', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// Forward Ctrl+C / kill so the server does not outlive this script.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
