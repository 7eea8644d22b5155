#!/usr/bin/env node
/**
 * npm run validate — offline checks of manifest.xml (and dist/manifest.xml when a build exists).
 *
 * 1. xmllint against Microsoft's schemas in ../shared/manifest-schema/ (never copied into this repo;
 *    MANIFEST_SCHEMA_DIR overrides the folder). Without the schemas: well-formedness only, said clearly.
 * 2. Cheap checks the schema cannot make: the four ribbon buttons and their functions, ReadWriteDocument,
 *    the locales, every resource id resolves, the shared runtime page is the FunctionFile, and every URL
 *    on the add-in's own origin maps to a file the build produces, with icons of the declared pixel size.
 *
 * `node scripts/validate-manifest.js path/to/manifest.xml` checks one built manifest against the files beside it.
 *
 * Exit 0 when everything checked passes, 1 otherwise.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';
const SCHEMA_DIR = process.env.MANIFEST_SCHEMA_DIR
  ? path.resolve(process.env.MANIFEST_SCHEMA_DIR)
  : path.resolve(root, '..', 'shared', 'manifest-schema');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');

/** Pixel sizes Microsoft documents for a task pane add-in's IconUrl and HighResolutionIconUrl. */
const ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** The ribbon contract: label → action. The commands module registers these function names. */
const EXPECTED_BUTTONS = [
  { label: '一键评分', action: 'ExecuteFunction', functionName: 'scoreWorkbook' },
  { label: '生成报告', action: 'ExecuteFunction', functionName: 'generateReport' },
  { label: '撤销评分', action: 'ExecuteFunction', functionName: 'undoScoring' },
  { label: '打开面板', action: 'ShowTaskpane' },
];

let failures = 0;
const ok = (msg) => console.log(`  ✓ ${msg}`);
const fail = (msg) => {
  failures += 1;
  console.log(`  ✗ ${msg}`);
};

function xmllintAvailable() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !r.error;
}

function runXmllint(file, withSchema) {
  const args = withSchema ? ['--noout', '--schema', SCHEMA, file] : ['--noout', file];
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.status === 0) ok(withSchema ? `符合 schema / valid against ${path.basename(SCHEMA)}` : 'XML 格式正确 / well-formed');
  else fail(`xmllint:\n${out.replace(/^/gm, '      ')}`);
}

/** id → DefaultValue for every bt:Image, bt:Url and bt:String resource. */
function resources(xml) {
  const map = new Map();
  for (const m of xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g)) {
    map.set(m[1], m[2]);
  }
  return map;
}

/** PNG width and height from its IHDR chunk, or null when the file is not a PNG. */
function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString('latin1', 1, 4) !== 'PNG') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Where a URL on the add-in's origin comes from: for the source manifest, the file the build copies
 * or generates; for dist/manifest.xml, the built file itself.
 */
function localFileFor(rel, distDir) {
  if (distDir) return path.join(distDir, rel);
  if (rel === 'taskpane.html') return path.join(root, 'src', 'taskpane', 'taskpane.html');
  if (rel === 'commands.html') return path.join(root, 'src', 'commands', 'commands.html');
  return path.join(root, rel.startsWith('assets/') ? rel : path.join('assets', rel));
}

function checkContent(xml, distDir) {
  const res = resources(xml);
  const perm = (xml.match(/<Permissions>\s*([^<]+?)\s*<\/Permissions>/) || [])[1];
  if (perm === 'ReadWriteDocument') ok('Permissions = ReadWriteDocument');
  else fail(`Permissions 应为 ReadWriteDocument，实际为 ${perm || '（缺失）'}`);

  const locale = (xml.match(/<DefaultLocale>([^<]+)<\/DefaultLocale>/) || [])[1];
  if (locale === 'zh-CN') ok('DefaultLocale = zh-CN');
  else fail(`DefaultLocale 应为 zh-CN，实际为 ${locale || '（缺失）'}`);
  const display = xml.match(/<DisplayName DefaultValue="([^"]*)">([\s\S]*?)<\/DisplayName>/);
  if (display && display[1] === '绩效自评助手' && /Locale="en-US"/.test(display[2])) {
    ok('DisplayName 绩效自评助手 with an en-US override');
  } else fail('DisplayName 应为“绩效自评助手”并带 en-US Override');

  // Every resid must resolve; a missing one makes Office reject the manifest at sideload time.
  const missing = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !res.has(id));
  if (missing.length === 0) ok('所有 resid 都有对应资源 / every resid resolves');
  else fail(`找不到资源 / unresolved resid: ${[...new Set(missing)].join(', ')}`);

  // Shared runtime: the ribbon functions only share the pane's runtime when FunctionFile is that page.
  const runtime = (xml.match(/<Runtime\s+resid="([^"]+)"[^>]*lifetime="long"/) || [])[1];
  const functionFile = (xml.match(/<FunctionFile\s+resid="([^"]+)"/) || [])[1];
  if (runtime && runtime === functionFile) ok(`共享运行时 / shared runtime: Runtime = FunctionFile = ${runtime}`);
  else fail(`共享运行时配置不一致：Runtime=${runtime || '（无）'} FunctionFile=${functionFile || '（无）'}`);
  if (/<bt:Set Name="SharedRuntime" MinVersion="1\.1"\/>/.test(xml)) ok('Requirements: SharedRuntime 1.1');
  else fail('VersionOverrides 缺少 SharedRuntime 1.1 要求');

  const tab = xml.match(/<CustomTab id="([^"]+)">([\s\S]*?)<\/CustomTab>/);
  if (!tab) {
    fail('缺少自定义选项卡 CustomTab');
    return;
  }
  // The tab's own Label follows its last Group (schema order).
  const afterGroups = tab[2].slice(tab[2].lastIndexOf('</Group>'));
  const tabLabel = res.get((afterGroups.match(/<Label resid="([^"]+)"/) || [])[1]);
  if (tab[1] === 'JixiaoTab' && tabLabel === '绩效自评') ok('CustomTab JixiaoTab “绩效自评”');
  else fail(`CustomTab 应为 JixiaoTab“绩效自评”，实际为 ${tab[1]}“${tabLabel}”`);

  const controls = [...tab[2].matchAll(/<Control\s+xsi:type="Button"\s+id="([^"]+)">([\s\S]*?)<\/Control>/g)].map(
    (m) => {
      const body = m[2];
      const pick = (re) => (body.match(re) || [])[1];
      return {
        id: m[1],
        label: res.get(pick(/<Label resid="([^"]+)"/)),
        tipTitle: res.get(pick(/<Title resid="([^"]+)"/)),
        tipDescription: res.get(pick(/<Description resid="([^"]+)"/)),
        action: pick(/<Action xsi:type="([^"]+)"/),
        functionName: pick(/<FunctionName>([^<]+)<\/FunctionName>/),
        icons: [...body.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((i) => Number(i[1])),
      };
    },
  );
  if (controls.length === EXPECTED_BUTTONS.length) ok(`${controls.length} 个按钮 / buttons`);
  else fail(`应有 ${EXPECTED_BUTTONS.length} 个按钮，实际 ${controls.length} 个`);
  for (const want of EXPECTED_BUTTONS) {
    const c = controls.find((x) => x.label === want.label);
    if (!c) {
      fail(`缺少按钮“${want.label}”`);
      continue;
    }
    const problems = [];
    if (c.action !== want.action) problems.push(`Action 应为 ${want.action}，实际为 ${c.action}`);
    if (want.functionName && c.functionName !== want.functionName) {
      problems.push(`FunctionName 应为 ${want.functionName}，实际为 ${c.functionName}`);
    }
    if (!c.tipTitle || !c.tipDescription || !/[\u4e00-\u9fff]/.test(c.tipDescription)) {
      problems.push('缺少中文 Supertip');
    }
    if (c.icons.join(',') !== '16,32,80') problems.push(`图标尺寸应为 16/32/80，实际为 ${c.icons.join('/')}`);
    if (problems.length) fail(`按钮“${want.label}”：${problems.join('；')}`);
    else ok(`按钮“${want.label}” → ${want.functionName || want.action}`);
  }

  // Files behind the add-in's own URLs. The origin is whatever taskpane.html is served from.
  const taskpaneUrl = (xml.match(/<SourceLocation DefaultValue="([^"]+)"/) || [])[1] || '';
  const origin = taskpaneUrl.replace(/taskpane\.html$/, '');
  if (!distDir && origin !== DEV_URL) fail(`manifest.xml 应指向开发地址 ${DEV_URL}，实际为 ${origin}`);
  const declared = new Map(); // url → declared pixel size
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)) declared.set(res.get(m[2]), Number(m[1]));
  const iconUrl = (xml.match(/<IconUrl DefaultValue="([^"]+)"/) || [])[1];
  const hiResUrl = (xml.match(/<HighResolutionIconUrl DefaultValue="([^"]+)"/) || [])[1];
  // Task pane add-ins: IconUrl 32×32, HighResolutionIconUrl 64×64 (Microsoft Learn, manifest reference:
  // "IconUrl element" and "HighResolutionIconUrl element"; 64/128 are the mail add-in sizes).
  if (iconUrl) declared.set(iconUrl, ICON_SIZES.IconUrl);
  else fail('缺少 IconUrl（插入 → 加载项 列表中显示的图标）');
  if (hiResUrl) declared.set(hiResUrl, ICON_SIZES.HighResolutionIconUrl);
  else fail('缺少 HighResolutionIconUrl（高 DPI 屏幕上的图标）');
  const urls = new Set([...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]));
  const failuresBefore = failures;
  let checked = 0;
  for (const url of urls) {
    if (!url.startsWith(origin)) continue;
    const file = localFileFor(url.slice(origin.length), distDir);
    checked += 1;
    if (!fs.existsSync(file)) {
      fail(`${url} → ${path.relative(root, file)} 不存在 / missing`);
      continue;
    }
    const size = declared.get(url);
    if (size) {
      const png = pngSize(file);
      if (!png || png.width !== size || png.height !== size) {
        fail(`${path.relative(root, file)} 应为 ${size}×${size} PNG，实际为 ${png ? `${png.width}×${png.height}` : '非 PNG'}`);
      }
    }
  }
  // "The source location must be an HTTPS address, not a file path" (Microsoft Learn, manifest reference:
  // "SourceLocation element", 1 to 2018 characters); Office also refuses plain-http icons and pages.
  const plain = [...urls].filter((u) => !u.startsWith('https://'));
  if (plain.length) fail(`这些地址不是 https，Office 不会加载 / not https: ${plain.join(', ')}`);
  if (taskpaneUrl.length < 1 || taskpaneUrl.length > 2018) fail(`SourceLocation 长度应为 1～2018 个字符，实际为 ${taskpaneUrl.length}`);
  // A build still pointing at localhost only works on the machine that serves it: fine for sideloading,
  // useless in a shared-folder catalog or centralized deployment, where every PC must reach the pages.
  if (distDir && /^https:\/\/localhost[:/]/.test(origin)) {
    console.log(`  ! ${path.relative(root, path.join(distDir, 'manifest.xml'))} 指向 ${origin}：只适合在本机旁加载；部署到共享文件夹目录或集中部署前，请用 ADDIN_URL=https://服务器/路径/ 重新构建`);
  }
  const outside = [...urls].filter((u) => !u.startsWith(origin));
  if (outside.length) fail(`这些地址不在加载项的源 ${origin} 下 / foreign URLs: ${outside.join(', ')}`);
  if (failures === failuresBefore) ok(`${checked} 个地址都对应构建产物 / every URL maps to a built file (${origin})`);
}

function validate(file, distDir, lint) {
  console.log(`\n${path.relative(root, file)}`);
  const xml = fs.readFileSync(file, 'utf8');
  if (lint === 'schema') runXmllint(file, true);
  else if (lint === 'wellformed') runXmllint(file, false);
  checkContent(xml, distDir);
}

function main() {
  const hasXmllint = xmllintAvailable();
  const hasSchema = fs.existsSync(SCHEMA);
  let lint = 'none';
  if (!hasXmllint) {
    console.log(
      '未找到 xmllint，跳过 XML 校验 / xmllint not found, skipping XML validation. Install it: apt-get install libxml2-utils',
    );
  } else if (!hasSchema) {
    console.log(
      `未找到清单 schema（${SCHEMA_DIR}），跳过 schema 校验，只检查 XML 格式 / ` +
        'manifest schemas not found: skipping schema validation (the schemas live outside this repository, ' +
        'in ../shared/manifest-schema/, or set MANIFEST_SCHEMA_DIR); checking well-formedness only.',
    );
    lint = 'wellformed';
  } else {
    lint = 'schema';
  }

  const only = process.argv[2];
  if (only) {
    // One built manifest (e.g. an intranet build's output folder): its URLs map to files beside it.
    const file = path.resolve(only);
    validate(file, path.dirname(file), lint);
  } else {
    validate(path.join(root, 'manifest.xml'), null, lint);
    const distManifest = path.join(root, 'dist', 'manifest.xml');
    if (fs.existsSync(distManifest)) validate(distManifest, path.join(root, 'dist'), lint);
    else console.log('\n（dist/manifest.xml 不存在，先运行 npm run build 才会一并检查 / no build yet, dist not checked）');
  }

  if (failures) {
    console.log(`\n清单校验失败：${failures} 项 / manifest validation failed: ${failures} problem(s)`);
    process.exit(1);
  }
  console.log('\n清单校验通过 / manifest OK');
}

main();
