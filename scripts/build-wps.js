#!/usr/bin/env node
/**
 * npm run build:wps — the WPS 加载项 and its install files, in dist-wps/:
 *
 *   jixiao_<version>/   the add-in folder (index.html, main.js, ribbon.xml, taskpane.html, images/)
 *   jixiao.7z           the offline package: that folder, as WPS's own build tool (wpsjs build) packs it
 *   publish.xml         for 个人版 / a single PC: put it with the folder into the jsaddons directory
 *   jsplugins.xml       for 企业版 / an intranet: the list WPS reads from oem.ini's JSPluginsServer,
 *                       offline (<jsplugin … url="…/jixiao.7z">) and online (<jspluginonline … url="…/">)
 *
 * WPS_ADDIN_URL=http://服务器/jixiao/ sets where jsplugins.xml points (default: a placeholder the README
 * explains). Formats follow wpsjs 2.2.3's own build and publish code (src/lib/build.js CreatePublishXml,
 * debug_xmlplugin.js / debug_publish.js), the tool WPS ships for this.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const webpack = require('webpack');
const sevenZip = require('7zip-bin');
const makeConfig = require('../wps/webpack.wps');

const NAME = 'jixiao';
const root = path.resolve(__dirname, '..');
const version = require('../package.json').version;
const outRoot = path.join(root, 'dist-wps');
const folder = `${NAME}_${version}`;

/** XML attribute text. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function publishXml() {
  // wpsjs build's CreatePublishXml: the folder name as url, enable_dev, install null.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;
}

function jspluginsXml(base) {
  const url = base.endsWith('/') ? base : `${base}/`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
    `  <!-- 离线模式：WPS 下载并解压这个 7z 包（内网服务器或 file:/// 共享路径均可） -->\n` +
    `  <jsplugin name="${NAME}" type="et" url="${attr(url)}${NAME}.7z" version="${version}" enable="true"/>\n` +
    `  <!-- 在线模式（改用这一行并删去上一行）：每次从服务器上的加载项文件夹读取页面\n` +
    `  <jspluginonline name="${NAME}" type="et" url="${attr(url)}${folder}/"/>\n  -->\n` +
    `</jsplugins>\n`
  );
}

function pack7z(dir, archive) {
  const bin = sevenZip.path7za;
  // The npm package ships the binary without its executable bit on some installs.
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    fs.chmodSync(bin, 0o755);
  }
  fs.rmSync(archive, { force: true });
  execFileSync(bin, ['a', '-t7z', archive, path.basename(dir)], { cwd: path.dirname(dir), stdio: 'ignore' });
}

async function main() {
  fs.rmSync(outRoot, { recursive: true, force: true });
  const addinDir = path.join(outRoot, folder);
  const stats = await new Promise((resolve, reject) =>
    webpack(makeConfig(addinDir), (err, s) => (err ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) {
    console.error(stats.toString('errors-only'));
    process.exit(1);
  }
  fs.writeFileSync(path.join(outRoot, 'publish.xml'), publishXml());
  fs.writeFileSync(path.join(outRoot, 'jsplugins.xml'), jspluginsXml(process.env.WPS_ADDIN_URL || 'http://内网服务器/jixiao/'));
  pack7z(addinDir, path.join(outRoot, `${NAME}.7z`));
  console.log(`WPS 加载项已生成：${path.relative(root, outRoot)}/（${folder}/、${NAME}.7z、publish.xml、jsplugins.xml）`);
}

main().catch((e) => {
  console.error(`生成 WPS 加载项失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
