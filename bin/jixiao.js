#!/usr/bin/env node
'use strict';
// The jixiao CLI entry: the TypeScript sources in src/cli are compiled to lib/ by `npm run build`.
const fs = require('fs');
const path = require('path');

// A reader that stops early (`jixiao score … --json | head`) closes the pipe: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}

const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('jixiao 尚未编译：请先运行 npm run build（lib/cli/main.js not found; run npm run build first）\n');
  process.exitCode = 1;
} else {
  try {
    require(entry).main();
  } catch (e) {
    const msg = e && e.message ? String(e.message).split('\n')[0] : String(e);
    process.stderr.write(`jixiao 无法启动（failed to start）：${msg}；请重新运行 npm run build\n`);
    process.exitCode = 1;
  }
}
